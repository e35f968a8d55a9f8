#include "app/staff_strings.hpp"

#include <array>

namespace ck::app {
namespace {

struct Text {
    std::string_view key;
    std::string_view en;
    std::string_view ja;
};

constexpr std::array texts = {
    Text { "title", "Staff mode", "スタッフモード" },
    Text { "leave", "Leave staff mode", "スタッフモードを終了" },
    Text { "language", "日本語", "English" },
    Text { "timeout_note", "Leaves by itself after 2 minutes without a touch.",
        "2分間操作がないと自動的に終了します。" },
    Text { "pin.title", "Staff mode", "スタッフモード" },
    Text { "pin.prompt", "Enter the staff PIN", "スタッフ用PINを入力してください" },
    Text { "pin.clear", "Delete", "削除" },
    Text { "pin.ok", "Enter", "確定" },
    Text { "pin.cancel", "Cancel", "キャンセル" },
    Text { "pin.checking", "Checking…", "確認中…" },
    Text { "pin.wrong", "Wrong PIN. {n} more tries before a pause.",
        "PINが違います。あと{n}回まちがえると一時停止します。" },
    Text { "pin.wrong_last", "Wrong PIN. One more try before a pause.",
        "PINが違います。あと1回まちがえると一時停止します。" },
    Text { "pin.locked", "Too many wrong PINs. Try again in {time}.",
        "PINの誤りが多すぎます。{time}後にもう一度お試しください。" },
    Text { "pin.short", "A PIN has at least 4 digits.", "PINは4桁以上です。" },
    Text { "tab.checks", "Checks", "チェック" },
    Text { "tab.display", "Display", "画面" },
    Text { "tab.trace", "Touch trace", "タッチ軌跡" },
    Text { "tab.accuracy", "Touch accuracy", "タッチ精度" },
    Text { "tab.pack", "Pack", "パック" },
    Text { "tab.performance", "Performance", "性能" },
    Text { "tab.log", "Log", "ログ" },
    Text { "tab.visits", "Visits", "来館" },
    Text { "tab.actions", "Actions", "操作" },
    Text { "checks.run", "Run the checks again", "もう一度チェック" },
    Text { "checks.none", "This kiosk was given no checks to run.", "実行するチェックがありません。" },
    Text { "checks.running", "Running: {done} of {total} checks done", "実行中：{total}件中{done}件完了" },
    Text { "checks.summary",
        "{total} checks: {pass} passed, {warn} with a warning, {fail} failed, {skip} skipped",
        "{total}件：合格{pass}・警告{warn}・不合格{fail}・省略{skip}" },
    Text { "checks.waiting", "waiting", "待機中" },
    Text { "status.pass", "PASS", "合格" },
    Text { "status.warn", "WARN", "警告" },
    Text { "status.fail", "FAIL", "不合格" },
    Text { "status.skip", "SKIP", "省略" },
    Text { "display.intro",
        "Full-screen test patterns: colour bars, a 1-pixel grid, a grey ramp, then solid white, black, red, "
        "green and blue for dead pixels. Tap anywhere to step to the next; after the last, you come back "
        "here.",
        "全画面のテストパターン：カラーバー、1ピクセルの格子、グレーの階調、そして画素欠けを見るための白・黒"
        "・赤・緑・青の単色。画面のどこかをタップすると次に進み、最後のあとにここへ戻ります。" },
    Text { "display.start", "Show the test patterns", "テストパターンを表示" },
    Text { "trace.intro",
        "Touch the area below with any number of fingers: each finger's path is drawn with its id.",
        "下の枠に何本の指でも触れてください。指ごとの軌跡が番号つきで描かれます。" },
    Text { "trace.devices", "Touch devices: {list}", "タッチデバイス：{list}" },
    Text { "trace.no_devices", "none found", "見つかりません" },
    Text { "trace.rotation", "Rotation: {deg}°", "回転：{deg}°" },
    Text { "trace.mapping", "Mapping: {text}", "対応づけ：{text}" },
    Text { "trace.clear", "Clear", "消去" },
    Text { "trace.fingers", "Fingers seen: {n}", "検出した指：{n}" },
    Text { "accuracy.intro",
        "Nine targets appear one at a time: at the corners, the middle of each edge and the centre. Tap the "
        "centre of each with a fingertip; the error of each tap is measured in millimetres on the screen.",
        "四隅・各辺の中央・中心に、目標が1つずつ9回表示されます。指先で中心をタップしてください。タップごとの"
        "ずれを画面上のミリメートルで測ります。" },
    Text { "accuracy.start", "Start the accuracy test", "精度テストを開始" },
    Text { "accuracy.prompt", "Tap the centre of the target ({i} of {n})",
        "目標の中心をタップしてください（{n}個中{i}個目）" },
    Text { "accuracy.pass", "Good: every tap within {mm} mm (largest error {max} mm).",
        "良好：すべてのタップが{mm} mm以内（最大誤差 {max} mm）。" },
    Text { "accuracy.warn", "Usable, but check the panel's calibration: largest error {max} mm.",
        "使用できますが、パネルの校正を確認してください：最大誤差 {max} mm。" },
    Text { "accuracy.fail",
        "Poor: largest error {max} mm. Calibrate the panel, or check the rotation setting.",
        "不良：最大誤差 {max} mm。パネルを校正するか、回転の設定を確認してください。" },
    Text { "accuracy.none", "No test made yet.", "まだテストしていません。" },
    Text { "accuracy.target.top_left", "Top left", "左上" },
    Text { "accuracy.target.top", "Top edge", "上辺" },
    Text { "accuracy.target.top_right", "Top right", "右上" },
    Text { "accuracy.target.left", "Left edge", "左辺" },
    Text { "accuracy.target.centre", "Centre", "中心" },
    Text { "accuracy.target.right", "Right edge", "右辺" },
    Text { "accuracy.target.bottom_left", "Bottom left", "左下" },
    Text { "accuracy.target.bottom", "Bottom edge", "下辺" },
    Text { "accuracy.target.bottom_right", "Bottom right", "右下" },
    Text { "pack.none",
        "No content pack is loaded. Visitors see the out-of-order screen; the Log screen says why.",
        "コンテンツパックが読み込まれていません。来館者には休止中の画面が表示されています。理由はログ画面にあ"
        "ります。" },
    Text { "pack.title", "Title", "タイトル" },
    Text { "pack.sequence", "Sequence number", "通し番号" },
    Text { "pack.signer", "Signed by key", "署名の鍵" },
    Text { "pack.built", "Built", "作成日時" },
    Text { "pack.cables", "Cables", "電報の数" },
    Text { "pack.size", "Size", "サイズ" },
    Text { "pack.hash", "Content hash", "内容のハッシュ" },
    Text { "pack.file", "File", "ファイル" },
    Text { "pack.previous", "Previous pack", "以前のパック" },
    Text { "pack.previous_none", "not kept yet (the pack import of the next staff issue keeps it)",
        "まだ保持していません（次のスタッフ向け機能で保持します）" },
    Text { "pack.unknown", "unknown", "不明" },
    Text { "pack.build_unset", "not recorded", "記録なし" },
    Text { "perf.graph", "Frame time, last {n} frames (the line is 16.7 ms, one frame at 60 Hz)",
        "フレーム時間、直近{n}フレーム（線は16.7 ms＝60 Hzの1フレーム）" },
    Text { "perf.fps", "Frames presented in the last second", "直近1秒に表示したフレーム" },
    Text { "perf.quantiles", "Frame time p50 / p95 / p99", "フレーム時間 p50 / p95 / p99" },
    Text { "perf.presented", "Frames presented since start", "起動後に表示したフレーム" },
    Text { "perf.rss", "Memory in use (RSS)", "使用メモリ（RSS）" },
    Text { "perf.atlas", "Glyph atlas filled", "グリフアトラスの使用率" },
    Text { "perf.glyphs", "Glyph cache hits", "グリフキャッシュのヒット率" },
    Text { "perf.layouts", "Layout cache hits", "レイアウトキャッシュのヒット率" },
    Text { "perf.none", "no frames yet", "まだありません" },
    Text { "log.kept",
        "The last {n} log lines, newest first ({total} since start). Nothing a visitor types is ever logged.",
        "直近のログ{n}行、新しい順（起動後{total}行）。来館者の入力は記録されません。" },
    Text { "log.empty", "Nothing has been logged since start.", "起動後のログはありません。" },
    Text { "visits.intro",
        "Counted in memory only, and forgotten at a restart. No typed text is kept, and nothing tells one "
        "visit from another.",
        "メモリ上でのみ数え、再起動で消えます。入力された文字は保存せず、個々の来館を区別する情報もありません"
        "。" },
    Text { "visits.since_start", "Since start", "起動から" },
    Text { "visits.today", "Today", "今日" },
    Text { "visits.visits", "Visits", "来館" },
    Text { "visits.opened", "Cables opened", "開いた電報" },
    Text { "visits.searches", "Searches", "検索" },
    Text { "visits.nothing", "Searches that found nothing", "結果のなかった検索" },
    Text { "visits.median", "Median visit length", "来館時間の中央値" },
    Text { "visits.top", "Most opened cables (since start)", "よく開かれた電報（起動から）" },
    Text { "visits.top_none", "No cable opened yet.", "まだ電報は開かれていません。" },
    Text { "visits.no_median", "none ended yet", "まだありません" },
    Text { "actions.run", "Run the checks again", "もう一度チェック" },
    Text { "actions.save", "Save a report", "レポートを保存" },
    Text { "actions.save_note",
        "Saving a report (JSON and a picture of each screen) needs an import folder ([import] dir in the "
        "configuration).",
        "レポート（JSONと各画面の画像）の保存には取り込みフォルダ（設定の[import] dir）が必要です。" },
    Text { "actions.save_where",
        "Writes the self-test's JSON and a picture of each staff screen into a new folder "
        "in the import folder (or the USB stick mounted there).",
        "自己診断のJSONと各スタッフ画面の画像を、取り込みフォルダ（またはそこにあるUSBメモリ）の新しいフォル"
        "ダに保存します。" },
    Text { "tab.imports", "Imports", "取り込み" },
    Text { "imports.none",
        "This kiosk keeps no packs of its own: new exhibits need [state] dir and [import] dir "
        "in the configuration.",
        "このキオスクはパックを保持していません。新しい展示には設定の[state] dirと[import] dirが必要です。" },
    Text { "imports.current", "Showing", "表示中" },
    Text { "imports.previous", "Kept for a rollback", "ロールバック用に保持" },
    Text { "imports.previous_none", "none yet", "まだありません" },
    Text { "imports.release", "Release {n}, signed by {signer}, from {file}",
        "リリース{n}（署名：{signer}、{file}から）" },
    Text { "imports.waiting", "Release {n} is installed and shows to the next visitor, when staff mode ends.",
        "リリース{n}をインストールしました。スタッフモード終了後、次の来館者に表示されます。" },
    Text { "imports.busy", "Working on the import folder…", "取り込みフォルダを処理中…" },
    Text { "imports.check", "Look at the import folder now", "取り込みフォルダを今すぐ確認" },
    Text { "imports.reload", "Reload the pack", "パックを再読み込み" },
    Text { "imports.rollback", "Roll back to release {n}", "リリース{n}に戻す" },
    Text { "imports.return", "Return to release {n}", "リリース{n}に切り替える" },
    Text { "imports.confirm_return",
        "Return to release {n}? Release {m} stays on this kiosk, kept for a rollback.",
        "リリース{n}に切り替えますか？リリース{m}はロールバック用にこのキオスクに残ります。" },
    Text { "imports.confirm",
        "Roll back to release {n}? Release {m} stays on this kiosk but cannot be imported "
        "again; a curator fixes it by signing a newer release.",
        "リリース{n}に戻しますか？リリース{m}はこのキオスクに残りますが、再び取り込むことはできません。"
        "修正は新しいリリースの署名で行います。" },
    Text { "imports.confirm_yes", "Roll back", "戻す" },
    Text { "imports.confirm_no", "Cancel", "キャンセル" },
    Text { "imports.history", "What arrived, newest first", "取り込み履歴（新しい順）" },
    Text { "imports.history_none", "Nothing has arrived since the kiosk started.",
        "起動後、何も届いていません。" },
    Text { "imports.installed", "Installed", "インストール" },
    Text { "imports.refused", "Refused", "拒否" },
    Text { "imports.ignored", "Ignored", "無視" },
    Text { "actions.leave", "Leave staff mode", "スタッフモードを終了" },
    Text { "actions.leave_note",
        "Staff mode also leaves by itself after 2 minutes without a touch, and at every idle reset.",
        "2分間操作がないとき、また無操作リセットのたびにも自動的に終了します。" },
};

} // namespace

std::string staff_text(std::string_view lang, std::string_view key)
{
    for (const Text& t : texts) {
        if (t.key == key) {
            return std::string(lang == "ja" ? t.ja : t.en);
        }
    }
    return std::string(key);
}

std::string staff_format(std::string_view lang, std::string_view key,
    std::initializer_list<std::pair<std::string_view, std::string>> values)
{
    std::string text = staff_text(lang, key);
    for (const auto& value : values) {
        const std::string placeholder = "{" + std::string(value.first) + "}";
        for (std::size_t pos = text.find(placeholder); pos != std::string::npos;
             pos = text.find(placeholder, pos + value.second.size())) {
            text.replace(pos, placeholder.size(), value.second);
        }
    }
    return text;
}

} // namespace ck::app
