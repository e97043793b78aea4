#!/usr/bin/env python3
"""The kiosk beside the floor: what stretch-kiosk costs against a bare SDL2 + SDL2_ttf countdown.

    bench/compare.py [--kiosk BUILD/stretch-kiosk] [--floor BUILD/bench/floor] [--runs 3]
                     [--seconds 8] [--size 1920x1080] [--label NAME] [--no-frames]

Each run starts a private Xvfb (software rendering, no GPU) and, interleaved run by run, the
floor (bench/floor.cpp) and the kiosk in each phase: idle (mid-afternoon), due (the morning
session's time), get-ready and hold (`--start full`, told apart by the kiosk's own --trace), and a
hold at `display.rotation: 90`. Each is measured from /proc over the same window: CPU seconds a
minute and wake-ups a second for the whole process (every thread's voluntary switches: a thread
went to sleep and was woken), and at its end PSS and RSS; also the X server's CPU over the window,
and the time from exec to the first frame on screen (the kiosk's trace; the floor prints it).
Medians of the runs are printed, then, unless --no-frames, bench/frame_cost's frame cost per
screen at 720p, 1080p and 4K, and a callgrind instruction count of its fixed scenario.
Chromium's kiosk mode is measured only when Debian's `chromium` is installed.
"""
import argparse
import glob
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TICKS = os.sysconf("SC_CLK_TCK")


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def cpu_seconds(pid):
    fields = read(f"/proc/{pid}/stat").rsplit(")", 1)[-1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS if fields else 0.0


def wakeups(pid):
    total = 0
    for status in glob.glob(f"/proc/{pid}/task/*/status"):
        for line in read(status).splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                total += int(line.split()[1])
    return total


def memory_kib(pid):
    pss = rss = 0
    for line in read(f"/proc/{pid}/smaps_rollup").splitlines():
        if line.startswith("Pss:"):
            pss = int(line.split()[1])
        elif line.startswith("Rss:"):
            rss = int(line.split()[1])
    return pss, rss


def monotonic_ms():
    return time.clock_gettime(time.CLOCK_MONOTONIC) * 1000.0


class Xvfb:
    def __init__(self, size):
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten",
             "tcp"], pass_fds=[write_end], stderr=subprocess.DEVNULL)
        os.close(write_end)
        with os.fdopen(read_end) as f:
            self.display = ":" + f.readline().strip()

    def close(self):
        self.process.terminate()
        self.process.wait()


def trace_lines(path):
    lines = []
    for line in read(path).splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                lines.append((float(parts[0]), parts[1], parts[2:] and parts[2] or ""))
            except ValueError:
                pass
    return lines


def trace_origin(lines):
    # The first line says where 0 ms is on CLOCK_MONOTONIC: "monotonic_ns N".
    for at, what, details in lines:
        words = details.split()
        if what == "trace" and len(words) == 2 and words[0] == "monotonic_ns":
            return int(words[1]) / 1e6
    return None


def screen_started(lines, kind):
    # The screen's first frame ("screen" lines), or for a kiosk whose trace has none (before
    # issue 12) the session's step of that name.
    for at, what, details in lines:
        if what in ("screen", "step") and details.split("\t")[0] == kind:
            return at
    return None


def digit_lateness(lines):
    """How late each new number of the first hold was on screen, in ms after its exact second
    (the hold's step line is its exact start)."""
    start = None
    late = []
    for at, what, details in lines:
        if what == "step" and details.split("\t")[0] == "hold" and start is None:
            start = at
        elif what == "step" and start is not None:
            break
        elif what == "digit" and start is not None:
            late.append(at - (start + 1000 * len(late)))
    return late


def measure(command, env, seconds, xvfb, wait_for=None, trace=None, first_frame=None):
    """Runs `command`, waits for its phase (wait_for(trace) is true), measures over `seconds`."""
    started = monotonic_ms()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if wait_for is None or wait_for():
                break
            time.sleep(0.05)
        else:
            return None
        time.sleep(1.0 if wait_for is not None else 3.0)  # past the phase's first frame
        cpu0, wake0, x0 = cpu_seconds(process.pid), wakeups(process.pid), cpu_seconds(xvfb.pid)
        time.sleep(seconds)
        cpu1, wake1, x1 = cpu_seconds(process.pid), wakeups(process.pid), cpu_seconds(xvfb.pid)
        pss, rss = memory_kib(process.pid)
        figures = {
            "cpu": (cpu1 - cpu0) * 60 / seconds,
            "x": (x1 - x0) * 60 / seconds,
            "wake": (wake1 - wake0) / seconds,
            "pss": pss / 1024,
            "rss": rss / 1024,
        }
        if first_frame is not None:
            figures["first"] = first_frame(process, started)
        return figures
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kiosk", default=os.path.join(ROOT, "build", "stretch-kiosk"))
    parser.add_argument("--floor", default=os.path.join(ROOT, "build", "bench", "floor"))
    parser.add_argument("--frame-cost", default=os.path.join(ROOT, "build", "bench", "frame_cost"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--label", default="")
    parser.add_argument("--no-frames", action="store_true")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="sk-compare-")
    config = os.path.join(ROOT, "config", "stretch-kiosk.yaml")
    rotated = os.path.join(work, "rotated.yaml")
    with open(config) as f:
        text = f.read()
    with open(rotated, "w") as f:
        # The shipped config with the screen turned a quarter.
        f.write(re.sub(r"^(\s*rotation:) 0\b", r"\1 90", text, count=1, flags=re.M))
    font = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans:bold"], capture_output=True,
                          text=True).stdout.strip()
    xvfb = Xvfb(args.size)
    env = dict(os.environ, DISPLAY=xvfb.display, SDL_AUDIODRIVER="dummy")
    env.pop("WAYLAND_DISPLAY", None)

    def kiosk(name, extra, config_file=config):
        trace = os.path.join(work, f"{name}.trace")
        if os.path.exists(trace):
            os.unlink(trace)
        command = [args.kiosk, "--config", config_file, "--state-dir",
                   os.path.join(work, "state-" + name), "--trace", trace] + extra
        return command, trace

    def kiosk_first_frame(trace):
        def first(process, started):
            lines = trace_lines(trace)
            origin = trace_origin(lines)
            frames = [at for at, what, _ in lines if what == "frame"]
            if origin is None or not frames:
                return float("nan")  # a kiosk without these trace lines (before issue 12)
            return origin + frames[0] - started
        return first

    def floor_first_frame(process, started):
        line = process.stdout.readline().split()
        return float(line[1]) - started if len(line) == 2 else float("nan")

    phases = [
        ("idle", ["--clock-start", "2026-11-23T14:00"], config, None),
        ("due", ["--clock-start", "2026-11-23T07:00"], config, None),  # due from the start
        ("get-ready", ["--start", "full", "--clock-start", "2026-11-23T07:00"], config,
         "get-ready"),
        ("hold", ["--start", "full", "--clock-start", "2026-11-23T07:00"], config, "hold"),
        ("rotated hold", ["--start", "full", "--clock-start", "2026-11-23T07:00"], rotated,
         "hold"),
    ]
    results = {}
    for run in range(args.runs):
        floor = measure([args.floor, "--windowed", args.size, font], env, args.seconds,
                        xvfb.process, first_frame=floor_first_frame)
        results.setdefault("floor", []).append(floor)
        for name, extra, config_file, screen in phases:
            command, trace = kiosk(name.replace(" ", "-"), extra + ["--windowed", "--size",
                                                                    args.size], config_file)
            wait_for = None
            if screen is not None:
                wait_for = (lambda t=trace, s=screen: screen_started(trace_lines(t), s) is not None)
            figures = measure(command, env, args.seconds, xvfb.process, wait_for,
                              first_frame=kiosk_first_frame(trace))
            if figures is not None and screen == "hold":
                figures["late"] = digit_lateness(trace_lines(trace))
            if figures is not None and screen in ("get-ready", "hold"):
                # Measured inside the phase only: a window that ran into the next is noted.
                lines = trace_lines(trace)
                begun = screen_started(lines, screen)
                later = [at for at, what, details in lines if what in ("screen", "step")
                         and at > begun and details.split("\t")[0] != screen]
                figures["left"] = bool(later) and later[0] < begun + 1000 + args.seconds * 1000
            results.setdefault(name, []).append(figures)
    xvfb.close()

    def median(name, key):
        values = [r[key] for r in results.get(name, []) if r is not None and key in r]
        return statistics.median(values) if values else float("nan")

    load = os.getloadavg()
    print(f"stretch-kiosk beside the floor{' (' + args.label + ')' if args.label else ''}: "
          f"Xvfb {args.size}, software rendering; {platform.machine()}, {os.cpu_count()} cores, "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; "
          f"medians of {args.runs} interleaved runs, {args.seconds:g} s each")
    print(f"{'':14} {'PSS MiB':>8} {'RSS MiB':>8} {'CPU-s/min':>10} {'X CPU-s/min':>12} "
          f"{'wake-ups/s':>11} {'1st frame ms':>13}")
    floor_pss = median("floor", "pss")
    for name in ["floor"] + [phase[0] for phase in phases]:
        spilled = any(r and r.get("left") for r in results.get(name, []))
        print(f"{name + ('*' if spilled else ''):14} {median(name, 'pss'):8.1f} "
              f"{median(name, 'rss'):8.1f} {median(name, 'cpu'):10.2f} {median(name, 'x'):12.2f} "
              f"{median(name, 'wake'):11.1f} {median(name, 'first'):13.0f}")
    print(f"PSS against the floor: idle {median('idle', 'pss') / floor_pss:.2f}x, "
          f"hold {median('hold', 'pss') / floor_pss:.2f}x")
    late = [ms for r in results.get("hold", []) if r for ms in r.get("late", [])]
    if late:
        print(f"hold: each new number on screen {statistics.median(late):.0f} ms after its second "
              f"(median of {len(late)}), {max(late):.0f} ms at worst, {min(late):.0f} ms at best")
    if any(r and r.get("left") for name in results for r in results[name]):
        print("* some windows ran past the phase's end (see --seconds)")
    # --check: a print-and-exit mode, timed from exec to exit (the shipped config).
    check = []
    for _ in range(21):
        begun = time.monotonic()
        subprocess.run([args.kiosk, "--check", "--config", config], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        check.append((time.monotonic() - begun) * 1000)
    print(f"--check: {statistics.median(check):.1f} ms (median of 21)")
    if not shutil.which("chromium"):
        print("chromium: not installed here (Debian's chromium), not measured")

    if not args.no_frames and os.path.exists(args.frame_cost):
        big = Xvfb("3840x2160")
        frame_env = dict(env, DISPLAY=big.display)
        print()
        sys.stdout.flush()
        subprocess.run([args.frame_cost, "--rounds", "3"], env=frame_env)
        subprocess.run([args.frame_cost, "--rounds", "3", "--rotation", "90", "1920x1080"], env=frame_env)
        big.close()
        if shutil.which("valgrind"):
            def instructions(flag, function, name):
                out = os.path.join(work, name)
                subprocess.run(["valgrind", "--tool=callgrind", f"--toggle-collect=*{function}*",
                                f"--callgrind-out-file={out}", args.frame_cost, flag],
                               env=dict(env, SDL_VIDEODRIVER="offscreen"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                summary = [line for line in read(out).splitlines() if line.startswith("summary:")]
                return int(summary[0].split()[1]) if summary else None

            if (count := instructions("--scenario", "run_scenario", "callgrind.out")) is not None:
                print(f"callgrind, frame_cost --scenario (every screen once, a 10 s hold at 30 "
                      f"frames a second, 1920x1080, offscreen): {count:,} instructions")
            # A steady hold: the second of a session, its glyphs already made.
            if (count := instructions("--hold-scenario", "run_hold_scenario",
                                      "callgrind-hold.out")) is not None:
                print(f"callgrind, frame_cost --hold-scenario (a 30 s hold at 30 frames a second "
                      f"after another, 1920x1080, offscreen): {count:,} instructions")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
