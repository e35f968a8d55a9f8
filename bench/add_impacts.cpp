// Prototype for issue 18, item 2: adds the impact lists to a built pack, in place, and says how long
// it took. usage: add_impacts PACK
#include "content/pack_writer.hpp"

#include <chrono>
#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: add_impacts PACK\n");
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    if (auto st = ck::content::add_impact_lists(argv[1]); !st) {
        std::fprintf(stderr, "add_impacts: %s\n", st.error().to_string().c_str());
        return 1;
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("add_impacts: %s: impact lists added in %.1f s\n", argv[1], took.count());
    return 0;
}
