// Cable id forms.
#include "cable/cable_id.hpp"

#include "cable/text_util.hpp"

#include <array>
#include <vector>

namespace ck::cable {
namespace {

constexpr int first_year = 1900;
constexpr int last_year = 2099;

bool four_digit_year_prefix(std::string_view id)
{
    if (id.size() < 5 || !text::all_digits(id.substr(0, 4)) || !text::is_upper(id[4])) {
        return false;
    }
    const int y = text::to_int(id.substr(0, 4));
    return y >= first_year && y <= last_year;
}

} // namespace

IdEra era_of_id(std::string_view id)
{
    return four_digit_year_prefix(id) ? IdEra::core : IdEra::cablegate;
}

int year_of_id(std::string_view id)
{
    if (four_digit_year_prefix(id)) {
        return text::to_int(id.substr(0, 4));
    }
    if (id.size() >= 3 && text::all_digits(id.substr(0, 2)) && text::is_upper(id[2])) {
        const int yy = text::to_int(id.substr(0, 2));
        constexpr int pivot = 50;
        return yy >= pivot ? 1900 + yy : 2000 + yy;
    }
    return 0;
}

bool is_well_formed_id(std::string_view id)
{
    const std::size_t year_digits = four_digit_year_prefix(id) ? 4 : 2;
    if (id.size() <= year_digits + 1 || !text::all_digits(id.substr(0, year_digits))) {
        return false;
    }
    std::size_t i = year_digits;
    const std::size_t station_start = i;
    while (i < id.size() && text::is_upper(id[i])) {
        ++i;
    }
    constexpr std::size_t min_station = 2;
    return i - station_start >= min_station && i < id.size() && text::all_digits(id.substr(i));
}

std::string canonical_station(std::string_view words)
{
    std::string s;
    for (const char c : words) {
        if (text::is_alpha(c)) {
            s.push_back(text::to_upper(c));
        }
    }
    struct Alias {
        std::string_view written;
        std::string_view id_form;
    };
    static constexpr std::array<Alias, 5> aliases = { {
        { "SECSTATE", "STATE" },
        { "SECSTATEWASHDC", "STATE" },
        { "USUN", "USUNNEWYORK" },
        { "HK", "HONGKONG" },
        { "HCMC", "HOCHIMINHCITY" },
    } };
    for (const Alias& a : aliases) {
        if (s == a.written) {
            return std::string(a.id_form);
        }
    }
    return s;
}

std::string station_of_sender(std::string_view from)
{
    std::vector<std::string_view> words = text::split_words(from);
    if (words.empty()) {
        return {};
    }
    if (text::iequals(words[0], "SECSTATE")) {
        return "STATE";
    }
    static constexpr std::array<std::string_view, 5> posts
        = { "AMEMBASSY", "AMCONSUL", "AMCONGEN", "USMISSION", "AMCONSULATE" };
    for (const std::string_view p : posts) {
        if (text::iequals(words[0], p) && words.size() > 1) {
            std::string rest;
            for (std::size_t i = 1; i < words.size(); ++i) {
                rest.append(words[i]);
            }
            return canonical_station(rest);
        }
    }
    return {};
}

std::string make_cable_id(int year, std::string_view station, std::string_view serial, IdEra era)
{
    while (!serial.empty() && (serial.front() == '-' || serial.front() == '0')) {
        serial.remove_prefix(1);
    }
    if (serial.empty()) {
        serial = "0";
    }
    std::string id;
    if (era == IdEra::core) {
        id = std::to_string(year);
        id.append(station);
        // PlusD document numbers pad STATE serials to six digits and posts' to five.
        const std::size_t width = station == "STATE" ? 6 : 5;
        if (serial.size() < width) {
            id.append(width - serial.size(), '0');
        }
        id.append(serial);
        return id;
    }
    const int yy = ((year % 100) + 100) % 100;
    id.push_back(static_cast<char>('0' + yy / 10));
    id.push_back(static_cast<char>('0' + yy % 10));
    id.append(station);
    id.append(serial);
    return id;
}

std::string_view strip_page_suffix(std::string_view id)
{
    id = text::trim(id);
    if (id.size() > 2 && id[id.size() - 2] == '_' && text::is_alpha(id.back())) {
        id.remove_suffix(2);
    }
    return id;
}

} // namespace ck::cable
