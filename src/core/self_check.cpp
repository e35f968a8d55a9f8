#include "core/self_check.hpp"

#include <exception>
#include <utility>

namespace ck::selfcheck {

std::string_view name(Status status)
{
    switch (status) {
    case Status::pass:
        return "pass";
    case Status::warn:
        return "warn";
    case Status::fail:
        return "fail";
    case Status::skip:
        return "skip";
    }
    return "fail";
}

Check make_check(
    std::string id, std::string title, std::function<Result(const Check& self)> body, bool on_ui_thread)
{
    Check check;
    check.id = std::move(id);
    check.title = std::move(title);
    check.on_ui_thread = on_ui_thread;
    check.run = [id = check.id, title = check.title, body = std::move(body)]() {
        Check self;
        self.id = id;
        self.title = title;
        return body(self);
    };
    return check;
}

Result result_for(const Check& check)
{
    Result r;
    r.id = check.id;
    r.title = check.title;
    return r;
}

namespace {

Result make(const Check& check, Status status, std::string message, Value value, std::string unit)
{
    Result r = result_for(check);
    r.status = status;
    r.message = std::move(message);
    r.value = std::move(value);
    r.unit = std::move(unit);
    return r;
}

} // namespace

Result pass(const Check& check, std::string message, Value value, std::string unit)
{
    return make(check, Status::pass, std::move(message), std::move(value), std::move(unit));
}

Result warn(const Check& check, std::string message, Value value, std::string unit)
{
    return make(check, Status::warn, std::move(message), std::move(value), std::move(unit));
}

Result fail(const Check& check, std::string message, Value value, std::string unit)
{
    return make(check, Status::fail, std::move(message), std::move(value), std::move(unit));
}

Result skip(const Check& check, std::string message)
{
    return make(check, Status::skip, std::move(message), {}, {});
}

Result run(const Check& check)
{
    try {
        return check.run();
    } catch (const std::exception& e) {
        return fail(check, std::string("the check itself failed: ") + e.what());
    } catch (...) {
        return fail(check, "the check itself failed");
    }
}

Status overall(const std::vector<Result>& results)
{
    Status verdict = Status::pass;
    for (const auto& r : results) {
        if (r.status == Status::fail) {
            return Status::fail;
        }
        if (r.status == Status::warn) {
            verdict = Status::warn;
        }
    }
    return verdict;
}

} // namespace ck::selfcheck
