// Writes the manifest's guided tours into a pack being built: one `tours` row per tour, one
// `tour_stops` row per stop, their texts as "tour/N" and "tour/N/stop/M". A stop's cable and its
// paragraph must be in the pack; each that is not is reported with the manifest's line.
#include "content/writer_tables.hpp"

namespace ck::content {

Status TableWriter::check_paragraph(std::int64_t num, const ManifestTourStop& stop)
{
    if (num == 0 || stop.paragraph.empty()) {
        return {};
    }
    auto& s = stmt("paragraph_numbers").bind(1, num);
    std::string numbers;
    bool found = false;
    Status st = sql::each_row(s, [&](const sql::Stmt& row) {
        const std::string number = row.column_text(0);
        found = found || number == stop.paragraph;
        numbers += (numbers.empty() ? "" : ", ") + number;
    });
    s.reset();
    if (st && !found) {
        const std::string known
            = numbers.empty() ? "it has no numbered paragraphs" : "its paragraphs are " + numbers;
        m_manifest_errors.push_back(
            make_error("cable '" + stop.cable + "' has no paragraph '" + stop.paragraph + "' (" + known + ")",
                m_options.manifest->file + ":" + std::to_string(stop.paragraph_line)));
    }
    return st;
}

Status TableWriter::write_tours()
{
    const Manifest& m = *m_options.manifest;
    Status st;
    for (std::size_t i = 0; st && i < m.tours.size(); ++i) {
        const ManifestTour& tour = m.tours[i];
        const auto pos = static_cast<std::int64_t>(i);
        const std::string owner = "tour/" + std::to_string(i);
        st = stmt("tour").bind(1, pos).bind(2, std::string_view(tour.id)).run();
        st = st ? write_texts(owner, "title", tour.title) : st;
        st = st ? write_texts(owner, "introduction", tour.introduction) : st;
        for (std::size_t j = 0; st && j < tour.stops.size(); ++j) {
            const ManifestTourStop& stop = tour.stops[j];
            const std::int64_t num = manifest_num_of(stop.cable, stop.line);
            st = check_paragraph(num, stop);
            st = st ? stmt("tour_stop")
                          .bind(1, pos)
                          .bind(2, static_cast<std::int64_t>(j))
                          .bind(3, num)
                          .bind(4, std::string_view(stop.paragraph))
                          .run()
                    : st;
            st = st ? write_texts(owner + "/stop/" + std::to_string(j), "note", stop.note) : st;
        }
    }
    return st;
}

} // namespace ck::content
