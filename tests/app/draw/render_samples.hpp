// Sample screens for the render tests: every screen kind, with plain, long and non-English text.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/model/screen_view.hpp"

namespace sk::test {

struct Sample {
    std::string name;
    ScreenView view;
};

// One view of each screen kind, as the core would fill it in.
inline std::vector<Sample> sample_screens(Theme theme = Theme::day) {
    std::vector<Sample> samples;
    auto add = [&](std::string name, ScreenView view) {
        view.theme = theme;
        samples.push_back({std::move(name), std::move(view)});
    };
    ScreenView idle;
    idle.kind = ScreenKind::idle;
    idle.heading = "07:42";
    idle.subheading = "Tuesday, 12 March";
    idle.body = {"Next: Bedtime stretch at 21:30"};
    idle.status = {{"Morning stretch, 07:00", StatusLine::Mark::done},
                   {"Bedtime stretch, 21:30", StatusLine::Mark::pending}};
    idle.hint = "Space: stretch now";
    add("idle", idle);

    ScreenView due;
    due.kind = ScreenKind::due;
    due.heading = "Morning stretch";
    due.subheading = "Full routine, 8 min";
    due.body = {"Press Space to start"};
    due.hint = "Space: start";
    add("due", due);
    due.status = {{"Standing hamstring stretch"}, {"Chair hamstring stretch · two chairs"}};
    due.caution =
        "Standing hamstring stretch: "
        "This one can be hard to do and may worsen a herniated lumbar disc, spondylolisthesis or "
        "other conditions. Stop if pain grows or spreads down a leg. The wall stretch is "
        "gentler.";
    add("due_caution", due);

    ScreenView ready;
    ready.kind = ScreenKind::get_ready;
    ready.heading = "Standing hamstring stretch";
    ready.subheading = "Get ready";
    ready.big_number = 10;
    ready.show_progress = true;
    ready.progress = 0.3;
    ready.body = {"Stand tall, feet hip-width apart.",
                  "Bend forward from the hips, arms hanging down.",
                  "Keep your knees soft, not locked.", "Stop at a gentle pull behind the thighs."};
    ready.caution =
        "This one can be hard to do and may worsen a herniated lumbar disc, spondylolisthesis or "
        "other conditions. Stop if pain grows or spreads down a leg. The wall stretch is "
        "gentler.";
    ready.hint = "Space: pause · Right: skip · hold 1.5 s to end";
    ready.picture = PosePicture{{Picture::Source::built_in, "standing"}, Side::none};
    ready.phase = "Get ready";
    add("get_ready", ready);

    ScreenView press = ready;
    press.heading = "Towel hamstring stretch";
    press.subheading = "Get into position, left leg first";
    press.phase = "Press when you are in position";
    press.big_number.reset();
    press.show_progress = false;
    press.body = {"Lie on your back holding a rolled-up towel.",
                  "Loop it behind one foot, an end in each hand.",
                  "Draw the leg up until you feel a gentle pull.", "Starts by itself after 2 min."};
    press.caution.clear();
    press.hint = "Space: in position · Right: skip · hold 1.5 s to end";
    press.picture = PosePicture{{Picture::Source::built_in, "towel"}, Side::left};
    add("get_ready_press", press);

    ScreenView standing_hold = ready;
    standing_hold.kind = ScreenKind::hold;
    standing_hold.phase = "Hold";
    standing_hold.big_number = 24;
    standing_hold.body = {"Let your arms hang. Reach, never strain."};
    add("hold_caution", standing_hold);

    ScreenView hold;
    hold.kind = ScreenKind::hold;
    hold.heading = "Chair hamstring stretch";
    hold.subheading = "Right leg";
    hold.side = Side::right;
    hold.big_number = 27;
    hold.show_progress = true;
    hold.progress = 0.4;
    hold.body = {"Stop at a gentle pull. Never strain."};
    hold.hint = "Space: pause · Hold Space: end";
    hold.picture = PosePicture{{Picture::Source::built_in, "chair"}, Side::right};
    hold.phase = "Hold";
    add("hold", hold);

    ScreenView switch_sides;
    switch_sides.kind = ScreenKind::switch_sides;
    switch_sides.heading = "Switch sides";
    switch_sides.subheading = "Left leg";
    switch_sides.side = Side::left;
    switch_sides.big_number = 5;
    switch_sides.show_progress = true;
    switch_sides.progress = 0.6;
    switch_sides.body = {"Rest your left leg on the other chair."};
    switch_sides.hint = "Space: pause";
    switch_sides.picture = PosePicture{{Picture::Source::built_in, "chair"}, Side::left};
    add("switch_sides", switch_sides);

    ScreenView rest;
    rest.kind = ScreenKind::rest;
    rest.heading = "Rest";
    rest.big_number = 10;
    rest.show_progress = true;
    rest.progress = 0.8;
    rest.body = {"Next: Towel hamstring stretch"};
    rest.hint = "Space: pause · Right: skip";
    rest.picture = PosePicture{{Picture::Source::built_in, "towel"}, Side::left};
    add("rest", rest);

    ScreenView paused;
    paused.kind = ScreenKind::paused;
    paused.heading = "Paused";
    paused.subheading = "Chair hamstring stretch";
    paused.big_number = 27;
    paused.body = {"Press Space to go on."};
    paused.hint = "Hold Space: end the session";
    paused.picture = PosePicture{{Picture::Source::built_in, "wall"}, Side::none};
    add("paused", paused);

    ScreenView done;
    done.kind = ScreenKind::done;
    done.heading = "Well done";
    done.subheading = "Full routine, 8 min";
    done.body = {"4 days in a row. Keep it up!"};
    done.status = {{"Morning stretch, 07:00", StatusLine::Mark::done},
                   {"Bedtime stretch, 21:30", StatusLine::Mark::missed}};
    done.hint = "Space: back to the clock";
    add("done", done);

    // The most a done screen says: stopped by a long press, how far it got, what that counts as,
    // the offer to carry on, the streak.
    ScreenView stopped;
    stopped.kind = ScreenKind::done;
    stopped.heading = "Stopped early";
    stopped.subheading = "Morning stretch";
    stopped.body = {"Full routine · 6 min", "6 of 8 holds done", "Counts as partly done",
                    "Press Space to carry on · 0:12", "4 days in a row"};
    stopped.status = {{"Morning stretch, 07:00 (partly done)"},
                      {"Bedtime stretch, 21:30", StatusLine::Mark::pending}};
    stopped.hint = "Space: carry on · hold 1.5 s to close";
    add("done-stopped", stopped);

    ScreenView dark;
    dark.kind = ScreenKind::dark;
    add("dark", dark);
    return samples;
}

// What text the samples carry.
// hostile: far beyond what the config allows (10,000 characters, one word or many), as a banner
// with a long path, or text from some later part of the program, might be.
enum class Texts { plain, long_english, german, japanese, hostile };

inline std::string texts_name(Texts texts) {
    switch (texts) {
        case Texts::plain:
            return "plain";
        case Texts::long_english:
            return "long";
        case Texts::german:
            return "german";
        case Texts::japanese:
            return "japanese";
        case Texts::hostile:
            return "hostile";
    }
    return "?";
}

// `view` with every text it shows replaced by long or non-English text (and a banner added).
inline ScreenView with_texts(ScreenView view, Texts texts) {
    if (texts == Texts::plain) {
        return view;
    }
    std::string heading, subheading, line, caution, hint, banner;
    if (texts == Texts::long_english) {
        heading = "Standing hamstring stretch with a name far too long for any screen it is on";
        subheading = "The second of four stretches, right leg first and then the left leg";
        line =
            "Bend forward slowly from the hips with both arms hanging loosely toward the floor, "
            "and keep breathing calmly while you wait for a gentle pull behind the thighs.";
        caution =
            "Skip this one if you have a herniated lumbar disc, spondylolisthesis, sciatica, or "
            "any pain that shoots down a leg; ask your physiotherapist which stretch suits you.";
        hint = "Space: pause · Hold Space: end the session · Right: skip · Escape: stop now";
        banner =
            "/home/someone/.config/stretch-kiosk/config.yaml:112:17: unknown key "
            "'hamstringstretchduration' in a routine step (did you mean 'hold'?) (using the last "
            "good config)";
    } else if (texts == Texts::german) {
        heading = "Oberschenkelrückseitendehnungsübung im Stehen";
        subheading = "Rechtes Bein – Übung 2 von 4";
        line = "Füße hüftbreit, Knie weich – nicht durchdrücken. Äußerst vorsichtig beugen!";
        caution = "Überspringen bei Bandscheibenvorfall oder Spondylolisthesis. Größte Vorsicht.";
        hint = "Leertaste: Pause · Gedrückt halten: Übung beenden";
        banner = "config.yaml:3:1: unbekannter Schlüssel 'Übung' (ÄÖÜ äöü ß)";
    } else if (texts == Texts::hostile) {
        std::string words;
        while (words.size() < 10'000) {
            words += "Hamstring ";
        }
        heading = std::string(10'000, 'H');
        subheading = words;
        line = words;
        caution = std::string(10'000, 'C');
        hint = words;
        banner = "/" + std::string(10'000, 'd') + "/config.yaml:1:1: " + words;
    } else {
        heading = "ハムストリングのストレッチ（椅子）";
        subheading = "右脚（2/4）";
        line =
            "椅子に座り、片脚をもう一方の椅子の上にまっすぐ伸ばします。つま先に向かって手を伸ばしま"
            "す。";
        caution = "腰椎椎間板ヘルニアがある場合は、このストレッチをしないでください。";
        hint = "スペース：一時停止・長押し：終了";
        banner = "config.yaml:3:1: 不明なキー「時間」";
    }
    const bool clock = view.kind == ScreenKind::idle;
    if (!view.heading.empty() && !clock) {
        view.heading = heading;
    }
    if (!view.subheading.empty()) {
        view.subheading = subheading;
    }
    for (std::string& text : view.body) {
        text = line;
    }
    if ((texts == Texts::long_english || texts == Texts::hostile) && !view.body.empty()) {
        view.body.insert(view.body.end(), texts == Texts::hostile ? 200 : 4, line);
    }
    for (StatusLine& status : view.status) {
        status.text = line;
    }
    if ((texts == Texts::long_english || texts == Texts::hostile) && !view.status.empty()) {
        view.status.insert(view.status.end(), texts == Texts::hostile ? 200 : 6,
                           view.status.front());
    }
    if (!view.caution.empty() || view.kind == ScreenKind::get_ready) {
        view.caution = caution;
    }
    if (!view.hint.empty()) {
        view.hint = hint;
    }
    view.banner = banner;
    return view;
}

inline const std::vector<std::pair<int, int>>& screen_sizes() {
    static const std::vector<std::pair<int, int>> sizes{
        {1920, 1080}, {1080, 1920}, {1280, 720}, {800, 480}, {480, 800}, {1024, 768}, {3840, 2160}};
    return sizes;
}

}  // namespace sk::test
