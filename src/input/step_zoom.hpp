// Pinch to text size: a live size that follows the fingers between a list of sizes (steps), then
// snaps to the nearest step when the pinch ends. Nearness is measured in ratio (log) space, as the
// eye sees size; a deliberate pinch always moves at least one step. Depends on core only.
#pragma once

#include <cstddef>
#include <vector>

namespace ck::input {

class StepZoom {
public:
    // How far past the first and last steps the live size may follow the fingers (a rubber band).
    static constexpr float overshoot_ratio = 1.15f;
    // A pinch whose scale passes this ratio moves at least one step even if nearer the old one.
    static constexpr float intent_ratio = 1.12f;

    // `steps` in increasing order (e.g. point sizes or scale factors); at least one.
    StepZoom(std::vector<float> steps, std::size_t index);

    // At pinch_start: the size the fingers act on.
    void begin();
    // At pinch_update: the live size for this scale (relative to the pinch's start).
    float update(float scale);
    // At pinch_end: snaps to a step and returns its index; size() is that step's size.
    std::size_t end(float scale);
    // At cancel: back to the size before the pinch.
    void cancel();
    // Jumps to a step (an A+ button, the idle reset).
    void set_index(std::size_t index);

    [[nodiscard]] float size() const { return m_size; }
    [[nodiscard]] std::size_t index() const { return m_index; }
    [[nodiscard]] const std::vector<float>& steps() const { return m_steps; }

private:
    [[nodiscard]] float live_size(float scale) const;

    std::vector<float> m_steps;
    std::size_t m_index = 0;
    float m_size = 0.0f;
    bool m_active = false;
};

} // namespace ck::input
