// frame_cost: what a frame costs the kiosk, drawn and sent to the screen as the kiosk does it
// (Renderer::draw, then Display::present), for each screen at each size: a screen change (every
// part drawn), a hold frame where only the bar moves, and a hold frame where a digit changes too.
// Prints the median and the 99th percentile of each, in milliseconds.
//
//   build/bench/frame_cost [--rounds N] [--rotation 0|90|180|270] [WxH ...]   (needs a display)
//   build/bench/frame_cost --scenario      a fixed 1920x1080 run for callgrind, on any driver
//   build/bench/frame_cost --hold-scenario a steady 1920x1080 hold for callgrind, likewise
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/draw/display.hpp"
#include "app/draw/renderer.hpp"
#include "app/fonts/font_locator.hpp"
#include "core/config/parser.hpp"
#include "core/controller/screen_samples.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Figures {
    std::vector<double> ms;
    void add(Clock::time_point since) {
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - since).count());
    }
    double percentile(double share) {
        if (ms.empty()) {
            return 0.0;
        }
        std::sort(ms.begin(), ms.end());
        const auto index = static_cast<std::size_t>(share * static_cast<double>(ms.size() - 1));
        return ms[index];
    }
};

std::vector<sk::SampleScreen> samples(const sk::Config& config) {
    const sk::Zone zone = sk::Zone::utc();
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return sk::sample_screens(config, zone, now, "Space");
}

sk::ScreenView hold_view(const std::vector<sk::SampleScreen>& screens) {
    for (const sk::SampleScreen& sample : screens) {
        if (sample.name == "hold") {
            return sample.view;
        }
    }
    return screens.front().view;
}

// One frame as the kiosk draws it: only what changed, sent to the screen.
void frame(sk::Display& display, sk::Renderer& renderer, const sk::ScreenView& view) {
    const sk::DrawReport report = renderer.draw(view, display.target_content());
    display.present(report.areas);
}

// A hold of `seconds` at 30 frames a second: the bar moves every frame, the digits once a second.
void hold(sk::Display& display, sk::Renderer& renderer, sk::ScreenView view, int seconds,
          Figures* bar_only, Figures* digit) {
    const int frames = seconds * 30;
    for (int index = 0; index <= frames; ++index) {
        const int shown = seconds - index / 30;
        const bool new_digit = view.big_number != shown;
        view.big_number = shown;
        view.progress = static_cast<double>(index) / frames;
        const auto start = Clock::now();
        frame(display, renderer, view);
        if (index > 0 && bar_only && digit) {
            (new_digit ? digit : bar_only)->add(start);
        }
    }
}

// A fixed run for callgrind (valgrind --toggle-collect=run_scenario): every screen once, then a
// 10 s hold at 30 frames a second.
__attribute__((noinline)) void run_scenario(sk::Display& display, sk::Renderer& renderer,
                                            const std::vector<sk::SampleScreen>& screens) {
    for (const sk::SampleScreen& sample : screens) {
        frame(display, renderer, sample.view);
    }
    hold(display, renderer, hold_view(screens), 10, nullptr, nullptr);
}

// A steady hold for callgrind (valgrind --toggle-collect=run_hold_scenario): 30 s at 30 frames a
// second on a kiosk that has already counted one hold down (its fonts and glyphs made), as every
// hold of a session after the first.
__attribute__((noinline)) void run_hold_scenario(sk::Display& display, sk::Renderer& renderer,
                                                 const sk::ScreenView& view) {
    hold(display, renderer, view, 30, nullptr, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
    int rounds = 20;
    sk::Rotation rotation = sk::Rotation::r0;
    bool scenario = false;
    bool steady_hold = false;
    std::vector<std::pair<int, int>> sizes;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        int width = 0;
        int height = 0;
        if (arg == "--rounds" && i + 1 < argc) {
            rounds = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--rotation" && i + 1 < argc) {
            rotation = static_cast<sk::Rotation>(std::atoi(argv[++i]));
        } else if (arg == "--scenario") {
            scenario = true;
        } else if (arg == "--hold-scenario") {
            scenario = true;
            steady_hold = true;
        } else if (std::sscanf(arg.c_str(), "%dx%d", &width, &height) == 2) {
            sizes.emplace_back(width, height);
        } else {
            std::fprintf(stderr,
                         "usage: frame_cost [--rounds N] [--rotation R] [WxH ...] | "
                         "--scenario | --hold-scenario\n");
            return 2;
        }
    }
    if (scenario) {
        sizes = {{1920, 1080}};
    } else if (sizes.empty()) {
        sizes = {{1280, 720}, {1920, 1080}, {3840, 2160}};
    }
    const sk::Config config = sk::default_config();
    const std::vector<sk::SampleScreen> screens = samples(config);
    const sk::FontFiles fonts = sk::locate_fonts(config.display.font);
    if (!scenario) {
        std::printf("%-10s %-26s %9s %9s\n", "size", "frame", "p50 ms", "p99 ms");
    }
    for (const auto& [width, height] : sizes) {
        sk::Options options;
        options.window = sk::WindowMode::windowed;
        options.size = std::pair{width, height};
        std::string error;
        std::optional<sk::Display> display = sk::Display::open(options, error);
        if (!display) {
            std::fprintf(stderr, "frame_cost: %s\n", error.c_str());
            return 1;
        }
        sk::Renderer renderer(display->renderer(), fonts, rotation);
        if (scenario && steady_hold) {
            frame(*display, renderer, hold_view(screens));
            hold(*display, renderer, hold_view(screens), 30, nullptr, nullptr);
            run_hold_scenario(*display, renderer, hold_view(screens));
            continue;
        }
        if (scenario) {
            run_scenario(*display, renderer, screens);
            continue;
        }
        // Warm up: fonts opened, glyphs rasterised once, as in a kiosk that has run a while.
        run_scenario(*display, renderer, screens);
        Figures change;
        Figures bar_only;
        Figures digit;
        for (int round = 0; round < rounds; ++round) {
            for (const sk::SampleScreen& sample : screens) {
                const auto start = Clock::now();
                frame(*display, renderer, sample.view);
                change.add(start);
            }
            hold(*display, renderer, hold_view(screens), 30, &bar_only, &digit);
        }
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        std::printf("%-10s %-26s %9.3f %9.3f\n", size.c_str(), "screen change",
                    change.percentile(0.5), change.percentile(0.99));
        std::printf("%-10s %-26s %9.3f %9.3f\n", size.c_str(), "hold: the bar moves",
                    bar_only.percentile(0.5), bar_only.percentile(0.99));
        std::printf("%-10s %-26s %9.3f %9.3f\n", size.c_str(), "hold: a new digit",
                    digit.percentile(0.5), digit.percentile(0.99));
        std::fflush(stdout);
    }
    SDL_Quit();
    return 0;
}
