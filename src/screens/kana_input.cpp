// Matching is by prefix on the readings as written (hiragana): the keyboard types hiragana only,
// so no folding of katakana or width is needed here.
#include "screens/kana_input.hpp"

#include "core/utf8.hpp"
#include "ui/kana.hpp"

#include <algorithm>

namespace ck::screens {

void KanaInput::type(std::string_view kana)
{
    if (m_pending.size() + kana.size() <= max_bytes) {
        m_pending += kana;
    }
}

bool KanaInput::mark()
{
    if (m_pending.empty()) {
        return false;
    }
    m_pending = ui::kana::with_next_form(m_pending);
    return true;
}

bool KanaInput::backspace()
{
    if (m_pending.empty()) {
        return false;
    }
    m_pending.erase(utf8::previous_boundary(m_pending, m_pending.size()));
    return true;
}

std::string KanaInput::take()
{
    std::string out = std::move(m_pending);
    m_pending.clear();
    return out;
}

std::vector<std::string> kana_suggestions(
    const std::vector<content::TermReading>& readings, std::string_view typed, std::size_t limit)
{
    struct Match {
        const content::TermReading* entry;
        std::size_t order;
    };
    std::vector<Match> matches;
    if (typed.empty()) {
        return {};
    }
    for (std::size_t i = 0; i < readings.size(); ++i) {
        if (readings[i].reading.starts_with(typed)) {
            matches.push_back({ &readings[i], i });
        }
    }
    std::stable_sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
        const bool a_exact = a.entry->reading.size() == typed.size();
        const bool b_exact = b.entry->reading.size() == typed.size();
        if (a_exact != b_exact) {
            return a_exact;
        }
        return a.entry->reading.size() < b.entry->reading.size();
    });
    std::vector<std::string> out;
    for (const Match& m : matches) {
        if (out.size() >= limit) {
            break;
        }
        if (std::find(out.begin(), out.end(), m.entry->term) == out.end()) {
            out.push_back(m.entry->term);
        }
    }
    return out;
}

} // namespace ck::screens
