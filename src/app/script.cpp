// A hand-written tokenizer: the format is a few words a line with optional "quoted labels", far
// too small to justify a parser library.
#include "app/script.hpp"

#include <charconv>
#include <cmath>

namespace ck::app::script {
namespace {

struct Cursor {
    std::string_view rest;

    void skip_space()
    {
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) {
            rest.remove_prefix(1);
        }
    }
    bool at_end()
    {
        skip_space();
        return rest.empty();
    }
    std::string_view word()
    {
        skip_space();
        std::size_t n = 0;
        while (n < rest.size() && rest[n] != ' ' && rest[n] != '\t') {
            ++n;
        }
        const std::string_view w = rest.substr(0, n);
        rest.remove_prefix(n);
        return w;
    }
    bool peek_quote()
    {
        skip_space();
        return !rest.empty() && rest.front() == '"';
    }
};

Result<float> number(Cursor& c, const char* what)
{
    const std::string_view w = c.word();
    if (w.empty()) {
        return make_error(std::string("expected ") + what);
    }
    float value = 0;
    const auto [ptr, ec] = std::from_chars(w.data(), w.data() + w.size(), value);
    if (ec != std::errc {} || ptr != w.data() + w.size() || !std::isfinite(value)) {
        return make_error(std::string("expected a number for ") + what + ", got '" + std::string(w) + "'");
    }
    return value;
}

Result<int> milliseconds(Cursor& c)
{
    const auto v = number(c, "milliseconds");
    if (!v) {
        return v.error();
    }
    if (*v < 0 || *v > 86'400'000.0f) {
        return make_error("milliseconds must be between 0 and 86400000");
    }
    return static_cast<int>(std::lround(*v));
}

// A "quoted label" with \" and \\ escapes.
Result<std::string> quoted(Cursor& c)
{
    c.skip_space();
    if (c.rest.empty() || c.rest.front() != '"') {
        return make_error("expected a quoted label");
    }
    std::string out;
    std::size_t i = 1;
    for (; i < c.rest.size(); ++i) {
        const char ch = c.rest[i];
        if (ch == '\\' && i + 1 < c.rest.size()) {
            out.push_back(c.rest[++i]);
        } else if (ch == '"') {
            break;
        } else {
            out.push_back(ch);
        }
    }
    if (i >= c.rest.size()) {
        return make_error("unterminated quoted label");
    }
    c.rest.remove_prefix(i + 1);
    return out;
}

Result<Point> point(Cursor& c)
{
    const auto x = number(c, "x");
    if (!x) {
        return x.error();
    }
    const auto y = number(c, "y");
    if (!y) {
        return y.error();
    }
    return Point { *x, *y };
}

Result<Target> target(Cursor& c)
{
    if (c.peek_quote()) {
        auto label = quoted(c);
        if (!label) {
            return label.error();
        }
        return Target { true, false, {}, std::move(*label) };
    }
    c.skip_space();
    if (!c.rest.empty() && c.rest.front() == '@') {
        const std::string_view id = c.word().substr(1);
        if (id.empty()) {
            return make_error("expected a widget id after '@'");
        }
        return Target { false, true, {}, std::string(id) };
    }
    const auto p = point(c);
    if (!p) {
        return p.error();
    }
    return Target { false, false, *p, {} };
}

Status finish(Cursor& c)
{
    if (!c.at_end()) {
        return make_error("unexpected '" + std::string(c.rest) + "' at the end of the line");
    }
    return {};
}

template <class T> Result<Command> done(Cursor& c, T command)
{
    if (auto end = finish(c); !end) {
        return end.error();
    }
    return Command { std::move(command) };
}

Result<Command> parse_drag(Cursor& c, bool fling)
{
    const auto from = point(c);
    if (!from) {
        return from.error();
    }
    const auto to = point(c);
    if (!to) {
        return to.error();
    }
    const auto ms = milliseconds(c);
    if (!ms) {
        return ms.error();
    }
    return done(c, Drag { *from, *to, *ms, fling });
}

Result<Command> parse_expect(Cursor& c)
{
    const std::string_view what = c.word();
    if (what == "screen") {
        const std::string_view name = c.word();
        if (name.empty()) {
            return make_error("expect screen needs a screen name");
        }
        return done(c, ExpectScreen { std::string(name) });
    }
    if (what == "pack") {
        auto sequence = number(c, "a release sequence");
        if (!sequence) {
            return sequence.error();
        }
        return done(c, ExpectPack { static_cast<std::int64_t>(*sequence) });
    }
    if (what == "staff") {
        const std::string_view state = c.word();
        if (state.empty()) {
            return make_error(
                "expect staff needs a state: off, pin, locked, pattern, targets or a staff page");
        }
        return done(c, ExpectStaff { std::string(state) });
    }
    if (what == "text" || what == "no-text") {
        auto text = quoted(c);
        if (!text) {
            return text.error();
        }
        return done(c, ExpectText { std::move(*text), what == "text" });
    }
    return make_error("expect what? use 'expect screen NAME', 'expect staff STATE', 'expect text \"TEXT\"', "
                      "'expect no-text \"TEXT\"' or 'expect pack N'");
}

Result<Command> parse_tap_like(Cursor& c, std::string_view verb)
{
    auto t = target(c);
    if (!t) {
        return t.error();
    }
    if (verb == "tap") {
        return done(c, Tap { std::move(*t) });
    }
    const auto ms = milliseconds(c);
    if (!ms) {
        return ms.error();
    }
    return done(c, LongPress { std::move(*t), *ms });
}

Result<Command> parse_named(Cursor& c, std::string_view verb)
{
    const std::string_view name = c.word();
    if (name.empty()) {
        return make_error(std::string(verb) + " needs a name");
    }
    for (const char ch : name) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
            || ch == '-' || ch == '_' || ch == '.';
        if (!ok || name.front() == '.') {
            return make_error(
                "a " + std::string(verb) + " name may use letters, digits, '-', '_' and '.' only");
        }
    }
    if (verb == "shot") {
        return done(c, Shot { std::string(name) });
    }
    return done(c, Dump { std::string(name) });
}

Result<Command> parse_storm(Cursor& c)
{
    Storm storm;
    if (!c.at_end()) {
        const auto fingers = number(c, "finger count");
        if (!fingers) {
            return fingers.error();
        }
        storm.fingers = std::clamp(static_cast<int>(*fingers), 1, 20);
        if (!c.at_end()) {
            const auto ms = milliseconds(c);
            if (!ms) {
                return ms.error();
            }
            storm.ms = *ms;
        }
        if (!c.at_end()) {
            const auto seed = number(c, "seed");
            if (!seed) {
                return seed.error();
            }
            storm.seed = static_cast<unsigned>(std::max(0.0f, *seed));
        }
    }
    return done(c, storm);
}

Result<Command> parse_rest(Cursor& c, std::string_view verb)
{
    if (verb == "key") {
        // The rest of the line: SDL's key names may contain spaces ("Left GUI", "ctrl+Page Down").
        std::string_view chord = c.rest;
        while (!chord.empty() && (chord.front() == ' ' || chord.front() == '\t')) {
            chord.remove_prefix(1);
        }
        while (!chord.empty() && (chord.back() == ' ' || chord.back() == '\t')) {
            chord.remove_suffix(1);
        }
        if (chord.empty()) {
            return make_error("key needs an SDL key name, e.g. 'key Return' or 'key ctrl+alt+F1'");
        }
        return Command { KeyPress { std::string(chord) } };
    }
    if (verb == "type" || verb == "compose") {
        // The rest of the line, verbatim: one separating space is not part of the text.
        std::string_view text = c.rest;
        if (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
            text.remove_prefix(1);
        }
        if (verb == "type") {
            return Command { TypeText { std::string(text) } };
        }
        return Command { Compose { std::string(text) } };
    }
    if (verb == "wheel") {
        const auto at = point(c);
        if (!at) {
            return at.error();
        }
        const auto dy = number(c, "wheel steps");
        if (!dy) {
            return dy.error();
        }
        return done(c, Wheel { *at, *dy });
    }
    return make_error("unknown command '" + std::string(verb) + "'");
}

} // namespace

Result<Command> parse_line(std::string_view line)
{
    Cursor c { line };
    const std::string_view verb = c.word();
    if (verb == "wait") {
        const auto ms = milliseconds(c);
        if (!ms) {
            return ms.error();
        }
        return done(c, Wait { *ms });
    }
    if (verb == "tap" || verb == "longpress") {
        return parse_tap_like(c, verb);
    }
    if (verb == "drag" || verb == "fling") {
        return parse_drag(c, verb == "fling");
    }
    if (verb == "pinch") {
        const auto center = point(c);
        if (!center) {
            return center.error();
        }
        const auto scale = number(c, "scale");
        if (!scale) {
            return scale.error();
        }
        if (*scale <= 0.05f || *scale > 20.0f) {
            return make_error("pinch scale must be between 0.05 and 20");
        }
        const auto ms = milliseconds(c);
        if (!ms) {
            return ms.error();
        }
        return done(c, Pinch { *center, *scale, *ms });
    }
    if (verb == "back") {
        return done(c, Back {});
    }
    if (verb == "shot" || verb == "dump") {
        return parse_named(c, verb);
    }
    if (verb == "expect") {
        return parse_expect(c);
    }
    if (verb == "storm") {
        return parse_storm(c);
    }
    if (verb == "drop") {
        const std::string_view path = c.word();
        if (path.empty()) {
            return make_error("drop needs the path of a pack (its .minisig beside it)");
        }
        return done(c, Drop { std::string(path) });
    }
    if (verb == "open") {
        // The rest of the line, trimmed: some documents' ids hold spaces (NARA 104-10176-10020).
        std::string_view id = c.rest;
        while (!id.empty() && (id.front() == ' ' || id.front() == '\t')) {
            id.remove_prefix(1);
        }
        while (!id.empty() && (id.back() == ' ' || id.back() == '\t' || id.back() == '\r')) {
            id.remove_suffix(1);
        }
        if (id.empty()) {
            return make_error("open needs a cable id");
        }
        return Command { Open { std::string(id) } };
    }
    return parse_rest(c, verb);
}

Result<std::vector<Line>> parse(std::string_view text, std::string_view name)
{
    std::vector<Line> lines;
    std::size_t number = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view raw = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        ++number;
        if (!raw.empty() && raw.back() == '\r') {
            raw.remove_suffix(1);
        }
        Cursor probe { raw };
        probe.skip_space();
        if (probe.rest.empty() || probe.rest.front() == '#') {
            continue;
        }
        auto command = parse_line(probe.rest);
        if (!command) {
            return make_error(command.error().message, std::string(name) + ":" + std::to_string(number));
        }
        lines.push_back(Line { number, std::string(probe.rest), std::move(*command) });
    }
    return lines;
}

} // namespace ck::app::script
