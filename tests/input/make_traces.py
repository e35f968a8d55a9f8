#!/usr/bin/env python3
"""Writes traces.hpp: touch traces as a capacitive panel reports them (about 120 Hz with timing
jitter, 1-2 px of positional noise, fingers accelerating and slowing like hands do). Run it again
only to change a trace on purpose; the tests assert exact gesture sequences for these tables.
"""
import math
import random

rng = random.Random(20240611)
out = []


def jitter(px):
    return rng.uniform(-px, px)


def row(t, kind, ident=None, x=None, y=None):
    if kind == "tick":
        return f"{t:6d} tick"
    return f"{t:6d} {kind:6s} {ident:3d} {x:8.1f} {y:8.1f}"


def path(ident, t0, duration, p0, p1, ease, noise=1.0, period=8, kind="move"):
    """Moves along p0->p1 over duration ms with an easing of progress."""
    rows = []
    t = t0
    while True:
        t += period + rng.choice([-1, 0, 0, 1])
        if t >= t0 + duration:
            break
        u = ease((t - t0) / duration)
        rows.append(row(t, kind, ident, p0[0] + (p1[0] - p0[0]) * u + jitter(noise),
                        p0[1] + (p1[1] - p0[1]) * u + jitter(noise)))
    return rows, t


def linear(u):
    return u


def smooth(u):
    return u * u * (3 - 2 * u)


def emit(name, comment, rows):
    out.append(f"// {comment}\n")
    out.append(f'inline constexpr std::string_view {name} = R"(\n' + "\n".join(rows) + '\n)";\n\n')


# A tap: 90 ms, the finger rolls by up to 2 px.
rows = [row(0, "down", 3, 640.0, 360.0)]
for t in (9, 17, 26, 34, 43, 51, 60, 68, 77):
    rows.append(row(t, "move", 3, 640.0 + jitter(2.0), 360.0 + jitter(2.0)))
rows.append(row(90, "up", 3, 640.0 + jitter(2.0), 360.0 + jitter(2.0)))
emit("trace_tap", "A tap with 2 px of jitter.", rows)

# A slow drag: 260 px up over 1.2 s, eased, then the finger rests 200 ms before lifting.
rows = [row(0, "down", 7, 900.0, 800.0)]
moves, t = path(7, 0, 1200, (900.0, 800.0), (905.0, 540.0), smooth)
rows += moves
for k in range(1, 25):
    rows.append(row(t + 8 * k, "move", 7, 905.0 + jitter(0.4), 540.0 + jitter(0.4)))
rows.append(row(t + 200, "up", 7, 905.0, 540.0))
emit("trace_slow_drag", "A slow drag upwards that comes to rest before the finger lifts.", rows)

# A fast fling: 420 px up in 180 ms, still at full speed when it lifts.
rows = [row(0, "down", 11, 700.0, 900.0)]
moves, t = path(11, 0, 180, (700.0, 900.0), (690.0, 480.0), lambda u: u ** 1.3, noise=1.5)
rows += moves
rows.append(row(t + 4, "up", 11, 689.0, 470.0))
emit("trace_fast_fling", "A fast fling upwards, lifted while moving.", rows)

# A double tap: two 70 ms taps, 150 ms apart, 6 px apart.
rows = [row(0, "down", 1, 400.0, 500.0), row(35, "move", 1, 401.2, 499.1), row(70, "up", 1, 401.0, 499.5),
        row(220, "down", 2, 405.0, 503.0), row(255, "move", 2, 404.1, 503.8), row(290, "up", 2, 404.6, 503.2)]
emit("trace_double_tap", "A double tap: the second finger is a new contact id, as panels report it.", rows)

# A long press: 1 s held, jittering by 1.5 px, the frame loop ticking at the wake-ups it was given.
rows = [row(0, "down", 5, 1200.0, 300.0)]
for t in range(40, 1000, 40):
    rows.append(row(t, "move", 5, 1200.0 + jitter(1.5), 300.0 + jitter(1.5)))
rows.insert(16, row(600, "tick"))
rows.append(row(1000, "up", 5, 1200.5, 299.5))
emit("trace_long_press", "A long press held for a second.", rows)

# A pinch out then in: fingers 200 px apart spread to 360, then close to 140.
rows = [row(0, "down", 21, 860.0, 540.0), row(14, "down", 22, 1060.0, 540.0)]
t = 14
for phase, (a, b), dur in (("out", (200.0, 360.0), 400), ("in", (360.0, 140.0), 500)):
    t0 = t
    while t < t0 + dur:
        t += 8 + rng.choice([-1, 0, 1])
        u = smooth(min(1.0, (t - t0) / dur))
        d = a + (b - a) * u
        rows.append(row(t, "move", 21, 960.0 - d / 2 + jitter(1.0), 540.0 + jitter(1.0)))
        rows.append(row(t + 1, "move", 22, 960.0 + d / 2 + jitter(1.0), 540.0 + jitter(1.0)))
        t += 1
rows.append(row(t + 30, "up", 22, 1030.0, 540.0))
rows.append(row(t + 45, "up", 21, 890.0, 540.0))
emit("trace_pinch", "A pinch out to 1.8x, then in to 0.7x, around (960, 540).", rows)

# A swipe back from the left edge: 340 px right in 160 ms.
rows = [row(0, "down", 9, 14.0, 600.0)]
moves, t = path(9, 0, 160, (14.0, 600.0), (354.0, 618.0), lambda u: u ** 1.2, noise=1.0)
rows += moves
rows.append(row(t + 3, "up", 9, 360.0, 619.0))
emit("trace_swipe_back_edge", "A swipe back from the left edge.", rows)

# A fast rightward swipe in the middle of the screen.
rows = [row(0, "down", 4, 700.0, 500.0)]
moves, t = path(4, 0, 140, (700.0, 500.0), (1040.0, 470.0), linear, noise=1.0)
rows += moves
rows.append(row(t + 4, "up", 4, 1048.0, 469.0))
emit("trace_swipe_back_inside", "A fast swipe to the right that starts in the middle.", rows)

# A slow rightward drag in the middle: not a swipe back.
rows = [row(0, "down", 6, 700.0, 500.0)]
moves, t = path(6, 0, 1500, (700.0, 500.0), (1000.0, 505.0), smooth, noise=0.8)
rows += moves
rows.append(row(t + 150, "up", 6, 1000.0, 505.0))
emit("trace_slow_sideways", "A slow sideways drag in the middle, lifted at rest.", rows)

# A third finger lands mid-pinch; the three lift in any order afterwards.
rows = [row(0, "down", 31, 900.0, 500.0), row(10, "down", 32, 1100.0, 500.0)]
t = 10
for k in range(20):
    t += 8
    d = 200.0 + 6.0 * (k + 1)
    rows.append(row(t, "move", 31, 1000.0 - d / 2 + jitter(1), 500.0 + jitter(1)))
    rows.append(row(t + 1, "move", 32, 1000.0 + d / 2 + jitter(1), 500.0 + jitter(1)))
    t += 1
rows.append(row(t + 5, "down", 33, 1000.0, 700.0))
for k in range(10):
    t += 8
    rows.append(row(t + 5, "move", 33, 1000.0 + 3 * k, 700.0 - 2 * k))
    rows.append(row(t + 6, "move", 31, 870.0 - 3 * k, 500.0))
rows.append(row(t + 40, "up", 32, 1160.0, 500.0))
rows.append(row(t + 52, "up", 33, 1030.0, 680.0))
rows.append(row(t + 60, "up", 31, 840.0, 500.0))
emit("trace_third_finger", "A third finger landing in the middle of a pinch.", rows)

# A ten-finger storm: ten contacts land, slide and lift in a random interleaving (a child's hands,
# a fist), with a finger lifting and landing again under a new id.
events = []
for f in range(10):
    t_down = rng.randint(0, 60)
    x, y = rng.uniform(200, 1700), rng.uniform(150, 950)
    t_up = t_down + rng.randint(80, 400)
    events.append((t_down, "down", 40 + f, x, y))
    t = t_down
    while True:
        t += rng.randint(6, 12)
        if t >= t_up:
            break
        x += rng.uniform(-15, 15)
        y += rng.uniform(-15, 15)
        events.append((t, "move", 40 + f, x, y))
    events.append((t_up, "up", 40 + f, x, y))
events.append((120, "down", 60, 1000.0, 500.0))
events.append((180, "up", 60, 1004.0, 502.0))
events.sort(key=lambda e: (e[0], rng.random()))
rows = [row(*e) for e in events]
emit("trace_storm", "A ten-finger storm in random order.", rows)

# A palm: six wide contacts land within 25 ms, shift a little for ten minutes, then lift; the loop
# is woken every minute by the recognizer's stale-contact timer.
rows = []
palm = [(300.0 + 40 * k + jitter(5), 700.0 + 15 * (k % 3) + jitter(5)) for k in range(6)]
for k, (x, y) in enumerate(palm):
    rows.append(row(5 * k, "down", 70 + k, x, y))
t = 30
while t < 600000:
    t += 20000
    for k, (x, y) in enumerate(palm):
        rows.append(row(t + k, "move", 70 + k, x + jitter(3), y + jitter(3)))
for k, (x, y) in enumerate(palm):
    rows.append(row(600100 + 7 * k, "up", 70 + k, x, y))
emit("trace_palm", "A palm resting on the glass for ten minutes.", rows)

# The mouse: hover moves (no button), a click, then a drag that ends at rest.
rows = [row(0, "mmove", -1, 100.0, 100.0), row(16, "mmove", -1, 300.0, 200.0),
        row(40, "mdown", -1, 320.0, 210.0), row(120, "mup", -1, 320.0, 210.0),
        row(900, "mdown", -1, 600.0, 700.0)]
moves, t = path(-1, 900, 500, (600.0, 700.0), (600.0, 400.0), smooth, noise=0.0, period=16, kind="mmove")
rows += moves
rows.append(row(t + 16, "mmove", -1, 600.0, 400.0))
rows.append(row(t + 300, "mup", -1, 600.0, 400.0))
emit("trace_mouse", "A mouse: hovering, a click, and a drag released at rest.", rows)

header = """// Touch traces as data tables: `time kind id x y`, one event a line, written by make_traces.py
// (a capacitive panel's rate and noise, seeded, so the tables are stable). `tick` lines are the
// frame loop waking the recognizer; `m...` kinds are the mouse (id -1).
#pragma once

#include <string_view>

namespace ck::input::traces {

"""
with open("traces.hpp", "w") as f:
    f.write(header + "".join(out) + "} // namespace ck::input::traces\n")
