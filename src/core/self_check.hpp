// The vocabulary of the self-test: a check, its result, and the verdict over many. The checks
// themselves live with what they check (the pack in content, the fonts in text, the renderer, the
// display and the machine in platform); the composition root lists them. `kiosk --self-test` and
// the staff mode's Checks screen run the same list, so staff never see two answers.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ck::selfcheck {

enum class Status { pass, warn, fail, skip };
std::string_view name(Status status);

// A measured value: a number (with a unit), a short text (a key id, a mode), or nothing.
using Value = std::variant<std::monostate, double, std::string>;

struct Result {
    std::string id; // stable: "pack.signature"; scripts outside the repository read it
    std::string title; // for people: "Pack signature"
    Status status = Status::skip;
    Value value;
    std::string unit; // empty when the value has none: "ms", "bytes", "celsius", "cables"
    std::string message; // what a staff member can act on
};

struct Check {
    std::string id;
    std::string title;
    // The check draws with the display's renderer, so it runs on the thread that owns it (the
    // frame loop); every other check may run on the background worker.
    bool on_ui_thread = false;
    std::function<Result()> run;
};

using Checks = std::vector<Check>;

// A check whose body is given itself (without its function), to name its results.
Check make_check(std::string id, std::string title, std::function<Result(const Check& self)> body,
    bool on_ui_thread = false);

// A result for `check` with everything but the verdict filled in.
Result result_for(const Check& check);
Result pass(const Check& check, std::string message, Value value = {}, std::string unit = {});
Result warn(const Check& check, std::string message, Value value = {}, std::string unit = {});
Result fail(const Check& check, std::string message, Value value = {}, std::string unit = {});
Result skip(const Check& check, std::string message);

// Runs `check`; a check that throws fails with what it threw, so one broken check never hides the
// others.
Result run(const Check& check);

// fail if any failed, else warn if any warned, else pass (skips count as passes).
Status overall(const std::vector<Result>& results);

} // namespace ck::selfcheck
