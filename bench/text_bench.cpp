// Text engine benchmark: laying out a 5,000-line cable (made from the bundled corpus) in each wrap
// mode, cold and with the word-shaping cache warm, plus font loading and glyph cache costs.
// Prints medians of thread CPU time; run the release build: build/release/bench/text_bench
#include "bench_json.hpp"
#include "core/utf8.hpp"
#include "text/font_set.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout.hpp"
#include "text/layout_cache.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace {

// CPU time of this thread: the machine is shared, and wall time there measures the neighbours.
double thread_cpu_ms()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double median_ms(int runs, const std::function<void()>& body)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const double start = thread_cpu_ms();
        body();
        ms.push_back(thread_cpu_ms() - start);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

// The corpus's cables, repeated until the text has `lines` lines.
std::string long_cable(const std::filesystem::path& corpus, std::size_t lines)
{
    std::vector<std::string> sources;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") {
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            sources.push_back(ck::utf8::sanitize(bytes.str()));
        }
    }
    std::sort(sources.begin(), sources.end());
    std::string text;
    std::size_t count = 0;
    for (std::size_t i = 0; count < lines && !sources.empty(); i = (i + 1) % sources.size()) {
        std::istringstream in(sources[i]);
        std::string line;
        while (count < lines && std::getline(in, line)) {
            text += line;
            text += '\n';
            ++count;
        }
    }
    return text;
}

} // namespace

int main(int argc, char** argv)
{
    ck::bench::json_report_from_args("text_bench", argc, argv);
    const std::filesystem::path corpus = argc > 1 ? argv[1] : "content_pack/cables";
    const std::string cable = long_cable(corpus, 5000);
    std::printf("text_bench: a %zu-line cable of %zu bytes from %s\n", std::size_t { 5000 }, cable.size(),
        corpus.c_str());

    std::unique_ptr<ck::text::FontSet> fonts;
    const double load_ms = median_ms(9, [&] {
        fonts = std::move(ck::text::FontSet::create(ck::text::FontPaths::debian_defaults()).value());
    });
    std::printf("  load the fonts (FontSet::create)                 %8.3f ms\n", load_ms);
    ck::bench::json_report().value("load the fonts (median)", "ms", load_ms);

    ck::text::LayoutOptions normal;
    normal.style = { ck::text::Family::mono, ck::text::Weight::regular, 22 };
    normal.max_width_px = 1000;
    normal.wrap = ck::text::WrapMode::preserve_lines;
    ck::text::LayoutOptions large = normal;
    large.style.size_px = 33;
    large.wrap = ck::text::WrapMode::reflow;
    ck::text::LayoutOptions narrow = normal;
    narrow.max_width_px = 500;
    narrow.wrap = ck::text::WrapMode::words;

    // Cold: a fresh FontSet each time, so every word is shaped by HarfBuzz.
    std::vector<double> cold;
    for (int i = 0; i < 5; ++i) {
        auto fresh = ck::text::FontSet::create(ck::text::FontPaths::debian_defaults()).value();
        cold.push_back(median_ms(1, [&] { (void)fresh->layout(cable, normal); }));
    }
    std::sort(cold.begin(), cold.end());
    std::printf("  preserve_lines, cold shaping cache               %8.3f ms\n", cold[cold.size() / 2]);
    ck::bench::json_report().value(
        "preserve_lines, cold shaping cache (median)", "ms", cold[cold.size() / 2]);

    std::size_t glyphs = 0;
    const double warm_ms = median_ms(21, [&] { glyphs = fonts->layout(cable, normal).glyphs().size(); });
    std::printf(
        "  preserve_lines 22 px in 1000 px, warm            %8.3f ms  (%zu glyphs)\n", warm_ms, glyphs);
    ck::bench::json_report().value("preserve_lines 22 px in 1000 px, warm (median)", "ms", warm_ms);
    const double narrow_ms = median_ms(21, [&] { (void)fonts->layout(cable, narrow); });
    std::printf("  words 22 px in 500 px (every line wraps), warm   %8.3f ms\n", narrow_ms);
    ck::bench::json_report().value("words 22 px in 500 px, warm (median)", "ms", narrow_ms);
    const double reflow_ms = median_ms(21, [&] { (void)fonts->layout(cable, large); });
    std::printf("  reflow 33 px in 1000 px (large print), warm      %8.3f ms\n", reflow_ms);
    ck::bench::json_report().value("reflow 33 px in 1000 px, warm (median)", "ms", reflow_ms);
    const auto stats = fonts->shape_cache_stats();
    std::printf("  shaping cache: %zu words, %llu hits, %llu misses\n", stats.entries,
        static_cast<unsigned long long>(stats.hits), static_cast<unsigned long long>(stats.misses));

    ck::text::LayoutCache cache(*fonts);
    (void)cache.get(cable, normal);
    const double hit_us = 1000 * median_ms(101, [&] { (void)cache.get(cable, normal); });
    std::printf("  layout cache hit                                 %8.3f us\n", hit_us);
    ck::bench::json_report().value("layout cache hit (median)", "us", hit_us);

    // One screen of cable text through the glyph cache: first frame rasterizes, later ones hit.
    const auto layout = fonts->layout(cable.substr(0, 4000), normal);
    ck::text::GlyphCache glyph_cache(*fonts);
    const double first_frame_ms = median_ms(1, [&] {
        for (const auto& g : layout.glyphs()) {
            (void)glyph_cache.get(g.face, g.glyph, 22);
        }
    });
    const double next_frame_us = 1000 * median_ms(101, [&] {
        for (const auto& g : layout.glyphs()) {
            (void)glyph_cache.get(g.face, g.glyph, 22);
        }
    });
    const auto g = glyph_cache.stats();
    std::printf("  a screen of %zu glyphs: first frame %.3f ms (%llu rasterized), next frames %.1f us\n",
        layout.glyphs().size(), first_frame_ms, static_cast<unsigned long long>(g.misses), next_frame_us);
    ck::bench::json_report().value("a screen of glyphs: first frame", "ms", first_frame_ms);
    ck::bench::json_report().value("a screen of glyphs: next frames (median)", "us", next_frame_us);
    return 0;
}
