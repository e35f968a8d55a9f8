// OrderedAhead: items 0..n-1 made ahead of the caller on one background thread and taken in
// order, with at most `depth` made items waiting (a bounded queue, so memory stays flat however
// many items there are). The pack builder uses it to parse files and to decode staged cables on
// the second core while its one SQLite writer works on the first; the order the caller sees never
// depends on timing, so the pack stays byte-identical.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace ck {

template <class T> class OrderedAhead {
public:
    // Who makes which item: the thread makes all of them, or (`caller_helps`) every odd one while
    // take() makes the even ones on the caller's thread, so both cores work. `make` must then be
    // safe to run on two threads at once.
    OrderedAhead(std::size_t n, std::function<T(std::size_t)> make, std::size_t depth, bool caller_helps)
        : m_n(n)
        , m_make(std::move(make))
        , m_depth(depth == 0 ? 1 : depth)
        , m_caller_helps(caller_helps)
        , m_thread([this] { run(); })
    {
    }
    // Stops the thread (an item being made is finished and dropped) and joins it.
    ~OrderedAhead()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
    OrderedAhead(const OrderedAhead&) = delete;
    OrderedAhead& operator=(const OrderedAhead&) = delete;
    OrderedAhead(OrderedAhead&&) = delete;
    OrderedAhead& operator=(OrderedAhead&&) = delete;

    // Item `m_next`: take() is called for 0, 1, 2, ... in turn, at most n times. An exception
    // thrown by `make` on the thread is thrown here, in the item's place.
    T take()
    {
        const std::size_t i = m_next++;
        if (!made_by_thread(i)) {
            return m_make(i);
        }
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_ready.empty(); });
        auto [item, error] = std::move(m_ready.front());
        m_ready.pop_front();
        lock.unlock();
        m_changed.notify_all();
        if (error) {
            std::rethrow_exception(error);
        }
        return std::move(*item);
    }

private:
    [[nodiscard]] bool made_by_thread(std::size_t i) const { return !m_caller_helps || i % 2 == 1; }

    void run()
    {
        for (std::size_t i = 0; i < m_n; ++i) {
            if (!made_by_thread(i)) {
                continue;
            }
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [&] { return m_stop || m_ready.size() < m_depth; });
                if (m_stop) {
                    return;
                }
            }
            std::pair<std::optional<T>, std::exception_ptr> made;
            try {
                made.first = m_make(i);
            } catch (...) {
                made.second = std::current_exception();
            }
            {
                const std::lock_guard lock(m_mutex);
                m_ready.push_back(std::move(made));
            }
            m_changed.notify_all();
        }
    }

    std::size_t m_n;
    std::function<T(std::size_t)> m_make;
    std::size_t m_depth;
    bool m_caller_helps;
    std::size_t m_next = 0; // the caller's next item (the caller's thread only)
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::pair<std::optional<T>, std::exception_ptr>> m_ready; // made by the thread, in order
    bool m_stop = false;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace ck
