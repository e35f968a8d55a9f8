// Pinch-to-size with snapping; see step_zoom.hpp.
#include "input/step_zoom.hpp"

#include "core/result.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ck::input {

StepZoom::StepZoom(std::vector<float> steps, std::size_t index)
    : m_steps(std::move(steps))
{
    CK_ASSERT(!m_steps.empty());
    CK_ASSERT(std::is_sorted(m_steps.begin(), m_steps.end()));
    CK_ASSERT(m_steps.front() > 0.0f);
    set_index(index);
}

void StepZoom::set_index(std::size_t index)
{
    m_index = std::min(index, m_steps.size() - 1);
    m_size = m_steps[m_index];
    m_active = false;
}

void StepZoom::begin()
{
    m_size = m_steps[m_index];
    m_active = true;
}

float StepZoom::live_size(float scale) const
{
    if (!(scale > 0.0f) || !std::isfinite(scale)) {
        scale = 1.0f;
    }
    const float lowest = m_steps.front() / overshoot_ratio;
    const float highest = m_steps.back() * overshoot_ratio;
    return std::clamp(m_steps[m_index] * scale, lowest, highest);
}

float StepZoom::update(float scale)
{
    if (!m_active) {
        begin();
    }
    m_size = live_size(scale);
    return m_size;
}

std::size_t StepZoom::end(float scale)
{
    const float live = live_size(scale);
    // Nearest step in log space: 12 -> 24 is as big a change as 24 -> 48.
    std::size_t nearest = 0;
    float best = INFINITY;
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const float d = std::fabs(std::log(live / m_steps[i]));
        if (d < best) {
            best = d;
            nearest = i;
        }
    }
    // A deliberate pinch that lands nearer the old step still moves one step its way.
    const float ratio = live / m_steps[m_index];
    if (nearest == m_index && ratio >= intent_ratio && m_index + 1 < m_steps.size()) {
        nearest = m_index + 1;
    } else if (nearest == m_index && ratio <= 1.0f / intent_ratio && m_index > 0) {
        nearest = m_index - 1;
    }
    set_index(nearest);
    return m_index;
}

void StepZoom::cancel()
{
    set_index(m_index);
}

} // namespace ck::input
