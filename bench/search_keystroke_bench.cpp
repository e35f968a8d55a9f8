// search_keystroke_bench --pack PACK [--per-class N] [--seed S] [--size WxH]: keystroke to updated
// results on screen, per query class (the classes of search_bench: rare, mid, frequent and very
// common words, two-word AND, phrases, 3-letter prefixes; and cable ids and years or dates in the
// forms visitors type them, and a word with the next one still being typed), through the real SearchScreen
// and its worker, drawn by SDL's software renderer offscreen. For each query the text minus its last
// character is typed and answered first; then the last keystroke is timed until the frame that
// shows its results has been drawn and presented. Two loops are timed: the live loop's (it holds
// the keystroke's frame up to screens::background_coalesce for the answer, then sleeps until the
// worker signals) and, for comparison, one that polls every 16 ms while the screen animates. Also:
// the time until the facet counts are shown, and peak RSS after the searches. Opens the pack
// without its signature check.
#include "bench_common.hpp"
#include "bench_json.hpp"
#include "content/pack.hpp"
#include "platform/display.hpp"
#include "screens/chrome.hpp"
#include "screens/search_screen.hpp"
#include "text/glyph_cache.hpp"
#include "text/layout_cache.hpp"
#include "ui/canvas.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <string>
#include <thread>
#include <time.h>
#include <vector>

namespace {

using namespace ck;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

long rss_kb(const char* field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field, 0) == 0) {
            return std::strtol(line.c_str() + std::string(field).size(), nullptr, 10);
        }
    }
    return -1;
}

struct Vocab {
    std::vector<std::pair<std::string, std::int64_t>> words;
};

// The pack opened read-only for the bench's own queries (its vocabulary, ids and years); null
// when it cannot be opened.
sqlite3* open_read_only(const std::string& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(("file:" + path + "?mode=ro&immutable=1").c_str(), &db,
            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr)
        != SQLITE_OK) {
        sqlite3_close(db);
        return nullptr;
    }
    return db;
}

Vocab read_vocab(const std::string& path)
{
    Vocab v;
    sqlite3* db = open_read_only(path);
    if (db == nullptr) {
        return v;
    }
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(
        db, "SELECT term, docs FROM vocab WHERE term GLOB '[a-z]*' AND length(term) >= 3", -1, &st, nullptr);
    while (st != nullptr && sqlite3_step(st) == SQLITE_ROW) {
        v.words.emplace_back(
            reinterpret_cast<const char*>(sqlite3_column_text(st, 0)), sqlite3_column_int64(st, 1));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

std::vector<std::string> pick(
    const Vocab& v, std::int64_t lo, std::int64_t hi, std::size_t n, bench::Rng& rng)
{
    std::vector<std::string> band;
    for (const auto& [term, docs] : v.words) {
        if (docs >= lo && docs <= hi) {
            band.push_back(term);
        }
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n && !band.empty(); ++i) {
        out.push_back(band[rng.below(band.size())]);
    }
    return out;
}

struct QueryClass {
    const char* name;
    std::vector<std::string> queries;
};

// Cable ids and years as visitors type them (issue 13's classes; not among the seven JSON keys,
// so they are reported in the human table and the JSON "figures" list only).
struct Numbers {
    std::vector<std::string> ids;
    std::vector<std::int64_t> years;
};

Numbers read_numbers(const std::string& path)
{
    Numbers out;
    sqlite3* db = open_read_only(path);
    if (db == nullptr) {
        return out;
    }
    const auto rows = [db](const char* sql, auto&& take) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        while (st != nullptr && sqlite3_step(st) == SQLITE_ROW) {
            take(st);
        }
        sqlite3_finalize(st);
    };
    // A sample spread over the whole pack: about 2,500 cables whose ids have the usual shape (every one in a
    // small pack).
    rows("SELECT id FROM cables WHERE num % (SELECT max(1, count(*) / 2500) FROM cables) = 0 "
         "AND id GLOB '[0-9][0-9][A-Z]*[0-9]'",
        [&out](sqlite3_stmt* st) {
            out.ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        });
    rows("SELECT year FROM years",
        [&out](sqlite3_stmt* st) { out.years.push_back(sqlite3_column_int64(st, 0)); });
    sqlite3_close(db);
    return out;
}

// One of the written forms of an id such as 75LAGOS62747: as printed, "LAGOS 62747",
// "1975LAGOS62747", "75 LAGOS 62747" or "1975 LAGOS 062747" (a leading zero).
std::string id_form(const std::string& id, std::uint64_t form)
{
    const std::size_t post_end = id.find_first_of("0123456789", 2);
    if (post_end == std::string::npos) {
        return id;
    }
    const std::string yy = id.substr(0, 2);
    const std::string post = id.substr(2, post_end - 2);
    const std::string number = id.substr(post_end);
    const std::string yyyy = (yy < "30" ? "20" : "19") + yy;
    switch (form % 5) {
    case 0:
        return id;
    case 1:
        return post + " " + number;
    case 2:
        return yyyy + post + number;
    case 3:
        return yy + " " + post + " " + number;
    default:
        return yyyy + " " + post + " 0" + number;
    }
}

void add_number_classes(
    std::vector<QueryClass>& out, const Numbers& numbers, std::size_t per_class, bench::Rng& rng)
{
    static const char* const months[] = { "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December" };
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < per_class && !numbers.ids.empty(); ++i) {
        ids.push_back(id_form(numbers.ids[rng.below(numbers.ids.size())], rng.below(5)));
    }
    out.push_back({ "cable id", ids });
    std::vector<std::string> times;
    for (std::size_t i = 0; i < per_class && !numbers.years.empty(); ++i) {
        const std::int64_t year = numbers.years[rng.below(numbers.years.size())];
        switch (rng.below(3)) {
        case 0:
            times.push_back(std::to_string(year));
            break;
        case 1:
            times.push_back(std::to_string(year / 10 * 10) + "s");
            break;
        default:
            times.push_back(std::string(months[rng.below(12)]) + " " + std::to_string(year));
            break;
        }
    }
    out.push_back({ "year or date", times });
}

// Two words with no space after the second, as a visitor leaves them (every other one) or is still
// typing them (its first four letters): the last word is a prefix, standing for its completions.
// Drawn after every other class, so they keep their queries for a seed.
void add_typed_class(
    std::vector<QueryClass>& out, const Vocab& v, std::int64_t n, std::size_t per_class, bench::Rng& rng)
{
    const std::int64_t one = 1;
    const auto first = pick(v, std::max(one, n / 20), std::max(one, n / 5), per_class, rng);
    const auto second = pick(v, std::max(one, n / 100), n, per_class, rng);
    std::vector<std::string> typed;
    for (std::size_t i = 0; i < per_class && i < first.size() && i < second.size(); ++i) {
        typed.push_back(first[i] + " " + (i % 2 == 0 ? second[i] : second[i].substr(0, 4)));
    }
    out.push_back({ "word + prefix", typed });
}

std::vector<QueryClass> classes_for(const Vocab& v, std::int64_t n, std::size_t per_class, bench::Rng& rng)
{
    auto by_docs = v.words;
    std::sort(
        by_docs.begin(), by_docs.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    const auto finished = [](std::vector<std::string> words) {
        for (auto& w : words) {
            w += ' ';
        }
        return words;
    };
    const std::int64_t one = 1;
    std::vector<QueryClass> out;
    out.push_back({ "rare", finished(pick(v, 3, std::max<std::int64_t>(3, 30), per_class, rng)) });
    out.push_back(
        { "mid", finished(pick(v, std::max(one, n / 500), std::max(one, n / 100), per_class, rng)) });
    out.push_back(
        { "frequent", finished(pick(v, std::max(one, n / 20), std::max(one, n / 5), per_class, rng)) });
    std::vector<std::string> common;
    for (std::size_t i = 0; i < per_class && !by_docs.empty(); ++i) {
        common.push_back(by_docs[rng.below(std::min<std::size_t>(40, by_docs.size()))].first + " ");
    }
    out.push_back({ "very common", common });
    const auto frequent = pick(v, std::max(one, n / 20), std::max(one, n / 5), per_class, rng);
    const auto mid = pick(v, std::max(one, n / 500), std::max(one, n / 100), per_class, rng);
    std::vector<std::string> pairs;
    std::vector<std::string> phrases;
    for (std::size_t i = 0; i < per_class && !frequent.empty() && !mid.empty(); ++i) {
        pairs.push_back(frequent[i] + " " + mid[i] + " ");
        phrases.push_back(
            "\"" + frequent[(i + 3) % frequent.size()] + " " + mid[(i + 5) % mid.size()] + "\"");
    }
    out.push_back({ "two-word AND", pairs });
    out.push_back({ "phrase", phrases });
    std::vector<std::string> prefixes;
    for (const auto& w : pick(v, std::max(one, n / 100), n, per_class, rng)) {
        prefixes.push_back(w.substr(0, 3));
    }
    out.push_back({ "3-letter prefix", prefixes });
    return out;
}

// The kiosk's frame path without the app: the screen builds into a canvas, the display draws it.
class Stage {
public:
    Stage(content::Pack& pack, Size size)
        : m_pack(pack)
        , m_size(size)
    {
    }

    bool open()
    {
        auto fonts = text::FontSet::create(text::FontPaths::debian_defaults());
        if (!fonts) {
            std::fprintf(stderr, "fonts: %s\n", fonts.error().to_string().c_str());
            return false;
        }
        m_fonts = std::move(*fonts);
        m_layouts = std::make_unique<text::LayoutCache>(*m_fonts);
        m_glyphs = std::make_unique<text::GlyphCache>(*m_fonts);
        m_theme = std::make_unique<ui::Theme>(92.0f, ui::ContrastMode::normal, ui::TextScale::normal);
        m_canvas = std::make_unique<ui::Canvas>(
            ui::TextServices { *m_fonts, *m_layouts, *m_glyphs }, *m_theme, m_size);
        m_strings = std::make_unique<screens::Strings>(&m_pack, "en");
        platform::DisplayOptions options;
        options.mode = platform::DisplayMode::headless;
        options.renderer = platform::RendererKind::software;
        options.panel = m_size;
        auto display = platform::Display::create(options);
        if (!display) {
            std::fprintf(stderr, "display: %s\n", display.error().to_string().c_str());
            return false;
        }
        m_display = std::move(*display);
        // The bench's one owner of background work, as the app has one; its wake is the signal.
        m_work = std::make_unique<BackgroundWork>([this] {
            const std::lock_guard lock(m_mutex);
            if (!m_signalled_since_mark) {
                m_first_signal = Clock::now();
                m_signalled_since_mark = true;
            }
            m_signalled = true;
            m_wake.notify_one();
        });
        m_screen = std::make_unique<screens::SearchScreen>(&m_pack, *m_work, std::string());
        return true;
    }

    screens::SearchScreen& screen() { return *m_screen; }

    screens::Env env() const
    {
        const auto chrome = screens::chrome_layout(*m_theme, m_size, true, false);
        return screens::make_env(&m_pack, *m_strings, m_visit, m_now, { chrome.body, m_size, 92.0f });
    }

    // Starts timing a keystroke: the worker's next signal is its answer.
    void mark()
    {
        const std::lock_guard lock(m_mutex);
        m_signalled_since_mark = false;
    }
    // Milliseconds from `t0` to the worker's first signal since mark(), or -1.
    double signal_ms(Clock::time_point t0)
    {
        const std::lock_guard lock(m_mutex);
        return m_signalled_since_mark ? std::chrono::duration<double, std::milli>(m_first_signal - t0).count()
                                      : -1;
    }

    std::vector<double> build_ms;
    std::vector<double> draw_ms;
    std::vector<double> draw_cpu_ms;

    // One frame as the live loop makes it: advance, build, draw, present.
    void frame()
    {
        const auto t0 = Clock::now();
        m_now += Millis { 16 };
        m_screen->advance(m_now);
        m_canvas->begin_frame(*m_theme, m_size);
        m_screen->build(*m_canvas, env());
        const auto t1 = Clock::now();
        const double c1 = bench::thread_cpu_ms();
        text::GlyphAtlas& atlas = m_glyphs->atlas();
        m_dirty.clear();
        for (const text::AtlasRect& r : atlas.take_dirty()) {
            m_dirty.push_back({ static_cast<float>(r.x), static_cast<float>(r.y), static_cast<float>(r.w),
                static_cast<float>(r.h) });
        }
        const platform::AtlasView view { atlas.pixels().data(), atlas.width(), atlas.height(), atlas.width(),
            m_dirty, atlas.generation(), atlas.used_height() };
        (void)m_display->draw(m_canvas->draw(), view, m_theme->palette().paper);
        m_display->present();
        m_screen->frame_done(); // as the app does after each frame
        build_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        draw_ms.push_back(ms_since(t1));
        draw_cpu_ms.push_back(bench::thread_cpu_ms() - c1);
    }

    // Waits for the worker's signal (event-driven) or sleeps `poll` (the live loop's frame
    // interval) between frames, until the answer to the newest query is on screen.
    bool until_answered(std::chrono::milliseconds poll, bool want_counts)
    {
        const auto deadline = Clock::now() + std::chrono::seconds(30);
        while (Clock::now() < deadline) {
            if (poll.count() > 0) {
                std::this_thread::sleep_for(poll);
            } else {
                std::unique_lock lock(m_mutex);
                // The last signal can come just before the worker marks itself idle: look again soon.
                m_wake.wait_for(lock, std::chrono::milliseconds(1), [this] { return m_signalled; });
                m_signalled = false;
            }
            frame();
            const bool answered = !m_screen->waiting();
            const bool counted = !m_screen->worker()->busy();
            if (answered && (!want_counts || counted)) {
                return true;
            }
        }
        return false;
    }

    void settle()
    {
        while (m_screen->waiting() || m_screen->worker()->busy()) {
            until_answered(std::chrono::milliseconds(0), true);
        }
        frame();
    }

    void clear_field()
    {
        while (!m_screen->field().text().empty()) {
            input::KeyEvent e;
            e.key = input::Key::backspace;
            m_screen->on_key(e, env());
        }
    }

private:
    content::Pack& m_pack;
    Size m_size;
    std::unique_ptr<text::FontSet> m_fonts;
    std::unique_ptr<text::LayoutCache> m_layouts;
    std::unique_ptr<text::GlyphCache> m_glyphs;
    std::unique_ptr<ui::Theme> m_theme;
    std::unique_ptr<ui::Canvas> m_canvas;
    std::unique_ptr<screens::Strings> m_strings;
    std::unique_ptr<platform::Display> m_display;
    std::vector<Rect> m_dirty;
    Millis m_now { 1000 };
    mutable screens::Visit m_visit;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_signalled = false;
    bool m_signalled_since_mark = false;
    Clock::time_point m_first_signal;
    // Last, so they go first: the owner's wake uses the members above until it has joined.
    std::unique_ptr<BackgroundWork> m_work; // before the screen, which asks it for work
    std::unique_ptr<screens::SearchScreen> m_screen;
};

struct Timings {
    std::vector<double> worker;
    std::vector<double> worker_cpu;
    std::vector<double> results_cpu;
    std::vector<double> event_results;
    std::vector<double> event_counts;
    std::vector<double> polled_results;
    std::size_t failed = 0;
};

// How long the keystroke's frame is held for the answer: the product's screens::background_coalesce
// unless --coalesce-ms tries another.
std::chrono::milliseconds g_coalesce = screens::background_coalesce;

void time_query(Stage& stage, const std::string& query, Timings& t)
{
    for (const bool polled : { false, true }) {
        stage.clear_field();
        stage.screen().on_text(query.substr(0, query.size() - 1), stage.env());
        stage.settle();
        stage.mark();
        const std::uint64_t cpu0 = stage.screen().worker()->stats().cpu_us;
        const std::uint64_t results0 = stage.screen().worker()->stats().results_cpu_us;
        const auto t0 = Clock::now();
        stage.screen().on_text(query.substr(query.size() - 1), stage.env());
        if (!polled) {
            // As the live loop does after input that started a search: hold the frame for the
            // answer, at most screens::background_coalesce.
            stage.screen().await_background(g_coalesce);
        }
        stage.frame(); // the keystroke's own frame: the new text, and the results if they came
        if (stage.screen().waiting()
            && !stage.until_answered(std::chrono::milliseconds(polled ? 16 : 0), false)) {
            ++t.failed;
            return;
        }
        (polled ? t.polled_results : t.event_results).push_back(ms_since(t0));
        if (!polled) {
            t.worker.push_back(stage.signal_ms(t0));
            if (!stage.until_answered(std::chrono::milliseconds(0), true)) {
                ++t.failed;
                return;
            }
            t.event_counts.push_back(ms_since(t0));
            const auto after = stage.screen().worker()->stats();
            t.worker_cpu.push_back(static_cast<double>(after.cpu_us - cpu0) / 1000.0);
            t.results_cpu.push_back(static_cast<double>(after.results_cpu_us - results0) / 1000.0);
        }
        if (stage.screen().shown().failed) {
            ++t.failed;
        }
    }
}

} // namespace

int main(int argc, char** argv)
{
    ck::bench::json_report_from_args("search_keystroke_bench", argc, argv);
    std::string path;
    std::size_t per_class = 40;
    std::uint64_t seed = 1;
    Size size { 1920, 1080 };
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--pack") {
            path = argv[i + 1];
        } else if (key == "--per-class") {
            per_class = std::strtoull(argv[i + 1], nullptr, 10);
        } else if (key == "--coalesce-ms") {
            g_coalesce = std::chrono::milliseconds(std::strtol(argv[i + 1], nullptr, 10));
        } else if (key == "--seed") {
            seed = std::strtoull(argv[i + 1], nullptr, 10);
        } else if (key == "--size") {
            float w = 0;
            float h = 0;
            if (std::sscanf(argv[i + 1], "%fx%f", &w, &h) == 2) {
                size = { w, h };
            }
        }
    }
    if (path.empty()) {
        std::fprintf(
            stderr, "usage: search_keystroke_bench --pack PACK [--per-class N] [--seed S] [--size WxH]\n");
        return 2;
    }
    auto pack = content::Pack::open(path);
    if (!pack) {
        std::fprintf(stderr, "search_keystroke_bench: %s\n", pack.error().to_string().c_str());
        return 1;
    }
    const std::int64_t n = pack->info().cables;
    bench::Rng rng(seed);
    auto classes = classes_for(read_vocab(path), n, per_class, rng);
    add_number_classes(classes, read_numbers(path), per_class, rng);
    add_typed_class(classes, read_vocab(path), n, per_class, rng);
    Stage stage(*pack, size);
    if (!stage.open()) {
        return 1;
    }
    stage.settle();
    const long rss_ready = rss_kb("VmHWM:");
    std::printf("search_keystroke_bench: %s, %lld cables, %zu queries per class, %gx%g software renderer\n",
        path.c_str(), static_cast<long long>(n), per_class, static_cast<double>(size.w),
        static_cast<double>(size.h));
    std::printf("keystroke -> results drawn and presented, ms (p50 p95 p99)\n");
    std::printf("%-16s %4s | %-26s | %-26s | %-10s | %-10s | %-10s\n", "class", "n",
        "results, woken by worker", "results, 16 ms polling", "answer p95", "counts p95", "CPU: hits, all");
    for (const QueryClass& c : classes) {
        Timings t;
        for (const std::string& q : c.queries) {
            if (q.size() >= 2) {
                time_query(stage, q, t);
            }
        }
        std::printf(
            "%-16s %4zu | %7.2f %7.2f %7.2f    | %7.2f %7.2f %7.2f    | %10.2f | %10.2f | %6.2f %6.2f %s\n",
            c.name, t.event_results.size(), bench::rank_percentile(t.event_results, 0.5),
            bench::rank_percentile(t.event_results, 0.95), bench::rank_percentile(t.event_results, 0.99),
            bench::rank_percentile(t.polled_results, 0.5), bench::rank_percentile(t.polled_results, 0.95),
            bench::rank_percentile(t.polled_results, 0.99), bench::rank_percentile(t.worker, 0.95),
            bench::rank_percentile(t.event_counts, 0.95), bench::rank_percentile(t.results_cpu, 0.95),
            bench::rank_percentile(t.worker_cpu, 0.95), t.failed > 0 ? "(some failed)" : "");
        const std::string name = c.name;
        if (const std::string key = bench::class_key(name); !key.empty()) {
            bench::json_report().set(
                "/classes/" + key + "/p50_ms", bench::rank_percentile(t.event_results, 0.5));
            bench::json_report().set(
                "/classes/" + key + "/p95_ms", bench::rank_percentile(t.event_results, 0.95));
        }
        bench::json_report().figure(name + ": results, woken by worker", "ms", t.event_results);
        bench::json_report().figure(name + ": results, 16 ms polling", "ms", t.polled_results);
        bench::json_report().figure(name + ": answer", "ms", t.worker);
        bench::json_report().figure(name + ": counts", "ms", t.event_counts);
        bench::json_report().figure(name + ": results CPU", "ms", t.results_cpu);
        bench::json_report().figure(name + ": worker CPU", "ms", t.worker_cpu);
    }
    std::printf(
        "one frame, ms (p50 p95): build %.2f %.2f, draw and present %.2f %.2f (its thread CPU %.2f %.2f)\n",
        bench::rank_percentile(stage.build_ms, 0.5), bench::rank_percentile(stage.build_ms, 0.95),
        bench::rank_percentile(stage.draw_ms, 0.5), bench::rank_percentile(stage.draw_ms, 0.95),
        bench::rank_percentile(stage.draw_cpu_ms, 0.5), bench::rank_percentile(stage.draw_cpu_ms, 0.95));
    bench::json_report().figure("frame build", "ms", stage.build_ms);
    bench::json_report().figure("frame draw and present", "ms", stage.draw_ms);
    bench::json_report().figure("frame draw and present, thread CPU", "ms", stage.draw_cpu_ms);
    const auto stats = stage.screen().worker()->stats();
    bench::json_report().value("peak RSS when ready", "MiB", static_cast<double>(rss_ready) / 1024.0);
    bench::json_report().value("peak RSS at the end", "MiB", static_cast<double>(rss_kb("VmHWM:")) / 1024.0);
    std::printf("peak RSS: %ld kB when ready, %ld kB after %llu searches started (%llu completed, %llu "
                "superseded); current %ld kB\n",
        rss_ready, rss_kb("VmHWM:"), static_cast<unsigned long long>(stats.started),
        static_cast<unsigned long long>(stats.completed), static_cast<unsigned long long>(stats.cancelled),
        rss_kb("VmRSS:"));
    return 0;
}
