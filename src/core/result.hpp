// Errors as values. Expected failures (a bad cable file, a corrupt pack, a missing font) travel
// as Result<T>; invariants use CK_ASSERT, which fires in every build type.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

namespace ck {

// A failure a person can act on: what is wrong, and where (file:line, a field, or a check).
struct Error {
    std::string message;
    std::string where;

    [[nodiscard]] std::string to_string() const { return where.empty() ? message : where + ": " + message; }
};

inline Error make_error(std::string message, std::string where = {})
{
    return Error { std::move(message), std::move(where) };
}

template <class T> class [[nodiscard]] Result {
public:
    Result(T value) // NOLINT(google-explicit-constructor): a value converts to success
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error) // NOLINT(google-explicit-constructor): an Error converts to failure
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    [[nodiscard]] bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_state); }
    const T& value() const& { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const { return std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_error(std::move(error))
        , m_failed(true)
    {
    }

    [[nodiscard]] bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

[[noreturn]] inline void assertion_failed(const char* expr, const char* file, int line)
{
    std::fprintf(stderr, "%s:%d: assertion failed: %s\n", file, line, expr);
    std::abort();
}

} // namespace ck

// An invariant that must hold in every build; a failure is a bug in our code, never bad input.
#define CK_ASSERT(expr) ((expr) ? (void)0 : ::ck::assertion_failed(#expr, __FILE__, __LINE__))
