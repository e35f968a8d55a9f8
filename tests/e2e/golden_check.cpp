// Compares every PNG a script wrote with the golden image of the same name, if there is one.
// With CK_UPDATE_GOLDENS=1 it copies the new shots over the goldens instead (look at them first).
#include "platform/image.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    const bool other_renderer = argc == 4 && std::string(argv[3]) == "--other-renderer";
    if (argc != 3 && !other_renderer) {
        std::fprintf(stderr, "usage: golden_check SHOTS_DIR GOLDEN_DIR [--other-renderer]\n");
        return 2;
    }
    const fs::path shots = argv[1];
    const fs::path goldens = argv[2];
    const char* update = std::getenv("CK_UPDATE_GOLDENS");
    // The goldens are the software renderer's: another renderer is compared with them, never
    // written over them.
    const bool updating = update != nullptr && std::string(update) == "1" && !other_renderer;
    // Font rasterization is deterministic for the same FreeType; allow a little antialiasing drift.
    // The GLES2 renderer (Mesa's llvmpipe in the tests, the Pi's V3D on a kiosk) is held to the same
    // tolerance: the display puts rectangles and glyph quads on whole pixels for both renderers, so
    // only the edges of triangles (corners, icons) differ, 0.08% of the pixels at most.
    constexpr int channel_tolerance = 48;
    constexpr double max_differing = 0.002;
    int failures = 0;
    int compared = 0;
    for (const auto& entry : fs::directory_iterator(shots)) {
        if (entry.path().extension() != ".png") {
            continue;
        }
        const fs::path golden = goldens / entry.path().filename();
        if (!fs::exists(golden)) {
            continue;
        }
        if (updating) {
            fs::copy_file(entry.path(), golden, fs::copy_options::overwrite_existing);
            std::printf("updated %s\n", golden.string().c_str());
            continue;
        }
        const auto got = ck::platform::read_png(entry.path().string());
        const auto want = ck::platform::read_png(golden.string());
        if (!got || !want) {
            std::fprintf(stderr, "%s: cannot read\n", entry.path().string().c_str());
            ++failures;
            continue;
        }
        ++compared;
        const auto diff = ck::platform::compare_images(*got, *want, channel_tolerance);
        if (diff.differing_fraction > max_differing) {
            std::fprintf(stderr, "%s differs from %s: %.3f%% of pixels (largest channel difference %d)\n",
                entry.path().string().c_str(), golden.string().c_str(), 100 * diff.differing_fraction,
                diff.max_channel_delta);
            ++failures;
        }
    }
    std::printf("golden_check: %d compared, %d failed\n", compared, failures);
    return failures == 0 ? 0 : 1;
}
