// gen_corpus --count N --seed S --out DIR [--seed-dir DIR]: writes N synthetic cables in two of our
// real input formats (bare cablegate-era telegrams, one per .txt file, and rows of the cablegate
// CSV, 500 per .csv file), deterministic for a seed. Words follow the bundled corpus: a first-order
// Markov chain over its text for realistic phrases, falling back to Zipf-ranked draws from its
// vocabulary, plus a long tail of generated names and numbers as a large archive has; real
// boilerplate (E.O. lines, SIPDIS, summaries, portion marks, REF lists) frames every cable.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace fs = std::filesystem;

namespace {

// splitmix64: small, fast and the same on every platform, so a seed always gives the same corpus.
class Rng {
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31U);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    double unit() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }

private:
    std::uint64_t m_state;
};

// Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s.
class Zipf {
public:
    Zipf(std::size_t n, double s)
    {
        m_cdf.reserve(n);
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sum += 1.0 / std::pow(static_cast<double>(i + 1), s);
            m_cdf.push_back(sum);
        }
        for (double& v : m_cdf) {
            v /= sum;
        }
    }
    std::size_t draw(Rng& rng) const
    {
        const double u = rng.unit();
        return static_cast<std::size_t>(std::lower_bound(m_cdf.begin(), m_cdf.end(), u) - m_cdf.begin());
    }

private:
    std::vector<double> m_cdf;
};

struct Language {
    std::vector<std::string> words; // by falling frequency
    std::unordered_map<std::string, std::size_t> index;
    std::vector<std::vector<std::size_t>> next; // successors seen in the corpus, with repeats
};

Language learn(const fs::path& dir)
{
    std::map<std::string, std::size_t> counts;
    std::vector<std::vector<std::string>> docs;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".txt") {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        std::vector<std::string> doc;
        std::string word;
        for (const char c : text + " ") {
            if (std::isalpha(static_cast<unsigned char>(c)) != 0 || (c == '\'' && !word.empty())) {
                word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else if (!word.empty()) {
                if (word.size() <= 18 && word.back() != '\'') {
                    doc.push_back(word);
                    ++counts[word];
                }
                word.clear();
            }
        }
        docs.push_back(std::move(doc));
    }
    Language lang;
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& [w, n] : counts) {
        ranked.emplace_back(n, w);
    }
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (const auto& [n, w] : ranked) {
        lang.index[w] = lang.words.size();
        lang.words.push_back(w);
    }
    lang.next.resize(lang.words.size());
    for (const auto& doc : docs) {
        for (std::size_t i = 0; i + 1 < doc.size(); ++i) {
            lang.next[lang.index[doc[i]]].push_back(lang.index[doc[i + 1]]);
        }
    }
    return lang;
}

constexpr std::array<const char*, 40> cities = { "TOKYO", "SEOUL", "BEIJING", "MOSCOW", "BAKU", "VIENNA",
    "PARIS", "LONDON", "BERLIN", "ROME", "MADRID", "ATHENS", "ANKARA", "CAIRO", "RIYADH", "AMMAN", "BAGHDAD",
    "KABUL", "ISLAMABAD", "NEW DELHI", "BANGKOK", "MANILA", "JAKARTA", "HANOI", "SHANGHAI", "HONG KONG",
    "TAIPEI", "CANBERRA", "OTTAWA", "MEXICO", "BRASILIA", "BUENOS AIRES", "SANTIAGO", "LIMA", "BOGOTA",
    "CARACAS", "NAIROBI", "PRETORIA", "LAGOS", "KUALA LUMPUR" };
constexpr std::array<const char*, 48> tags = { "PREL", "PGOV", "ECON", "ETRD", "PHUM", "MARR", "KNNP", "PTER",
    "EFIN", "ENRG", "PINR", "SOCI", "KDEM", "ASEC", "CVIS", "KCRM", "SNAR", "EAID", "ELAB", "OVIP", "MOPS",
    "PARM", "ETTC", "KPAO", "AORC", "UNSC", "IAEA", "EINV", "SENV", "TBIO", "KIRF", "PINS", "JA", "KS", "KN",
    "CH", "RS", "IR", "IZ", "AF", "PK", "IN", "UK", "FR", "GM", "TU", "EG", "IS" };
constexpr std::array<const char*, 12> months
    = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
constexpr std::array<const char*, 12> signers = { "SCHIEFFER", "VANCE", "BEYRLE", "HILL", "STEPHENS",
    "HUNTSMAN", "RICE", "CLINTON", "ARMACOST", "MONDALE", "FOLEY", "LAPSON" };

struct Generator {
    const Language& lang;
    Zipf zipf;
    Zipf name_zipf;
    Zipf tag_zipf;
    Rng rng;
    std::vector<std::string> names;
    std::vector<std::string> recent; // "YY CITY SERIAL" of recent cables, for references

    Generator(const Language& l, std::uint64_t seed)
        : lang(l)
        , zipf(l.words.size(), 1.05)
        , name_zipf(200000, 0.9)
        , tag_zipf(tags.size(), 1.0)
        , rng(seed)
    {
        static const char* const syllables[]
            = { "ka", "to", "mi", "ra", "sen", "ko", "lin", "ba", "dar", "vos", "hu", "el", "mar", "ti", "no",
                  "shi", "gor", "an", "ya", "pe", "chen", "ov", "ic", "zu", "ham", "ri", "da" };
        Rng names_rng(seed ^ 0x5eedULL);
        names.reserve(200000);
        for (int i = 0; i < 200000; ++i) {
            std::string n;
            const std::size_t parts = 2 + names_rng.below(3);
            for (std::size_t p = 0; p < parts; ++p) {
                n += syllables[names_rng.below(std::size(syllables))];
            }
            names.push_back(n);
        }
    }

    std::string word(std::size_t& prev)
    {
        if (rng.chance(0.035)) {
            prev = lang.words.size();
            return names[name_zipf.draw(rng)];
        }
        if (rng.chance(0.01)) {
            prev = lang.words.size();
            return std::to_string(rng.below(rng.chance(0.5) ? 100 : 100000));
        }
        if (prev < lang.next.size() && !lang.next[prev].empty() && rng.chance(0.65)) {
            prev = lang.next[prev][rng.below(lang.next[prev].size())];
        } else {
            prev = zipf.draw(rng);
        }
        return lang.words[prev];
    }

    std::string sentence(std::size_t words, bool upper)
    {
        std::string out;
        std::size_t prev = lang.words.size();
        for (std::size_t i = 0; i < words; ++i) {
            std::string w = word(prev);
            if (upper || (i == 0 && !w.empty())) {
                for (std::size_t k = 0; k < (upper ? w.size() : 1); ++k) {
                    w[k] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[k])));
                }
            }
            out += (i == 0 ? "" : " ") + w;
        }
        return out + ".";
    }
};

struct CableText {
    std::string id;
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    std::string city;
    std::size_t serial = 0;
    std::string classification;
    std::string header; // DTG, FM, TO, INFO
    std::string body; // banner to signature
};

std::string two(int v)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

CableText make_cable(Generator& g, std::size_t index)
{
    CableText c;
    Rng& r = g.rng;
    // Years weighted toward the 2000s, as in the cablegate archive.
    c.year = r.chance(0.7) ? 2000 + static_cast<int>(r.below(11)) : 1966 + static_cast<int>(r.below(34));
    c.month = 1 + static_cast<int>(r.below(12));
    c.day = 1 + static_cast<int>(r.below(28));
    c.hour = static_cast<int>(r.below(24));
    c.minute = static_cast<int>(r.below(60));
    c.city = cities[r.below(cities.size())];
    std::string station = c.city;
    station.erase(std::remove(station.begin(), station.end(), ' '), station.end());
    // The serial is the cable's index: ids never collide, as telegram numbers do not.
    c.serial = index + 1;
    c.id = two(c.year % 100) + station + std::to_string(c.serial);
    const double roll = r.unit();
    c.classification = roll < 0.4 ? "UNCLASSIFIED"
        : roll < 0.85             ? "CONFIDENTIAL"
        : roll < 0.98             ? "SECRET"
                                  : "LIMITED OFFICIAL USE";
    const bool upper = c.year < 1995 || r.chance(0.2);
    const char* precedence = r.chance(0.5) ? "PRIORITY" : r.chance(0.5) ? "IMMEDIATE" : "ROUTINE";
    c.header = std::string(precedence[0] == 'P' ? "P"
                       : precedence[0] == 'I'   ? "O"
                                                : "R")
        + " " + two(c.day) + two(c.hour) + two(c.minute) + "Z "
        + months[static_cast<std::size_t>(c.month - 1)] + " " + two(c.year % 100) + "\nFM AMEMBASSY " + c.city
        + "\nTO SECSTATE WASHDC " + precedence + " " + std::to_string(1000 + r.below(9000)) + "\n";
    const std::size_t infos = r.below(4);
    for (std::size_t i = 0; i < infos; ++i) {
        c.header += std::string(i == 0 ? "INFO " : "") + "AMEMBASSY " + cities[r.below(cities.size())] + " "
            + std::to_string(100 + r.below(900)) + "\n";
    }
    std::string banner;
    if (c.classification == "UNCLASSIFIED") {
        banner = "UNCLAS";
    } else if (c.classification == "LIMITED OFFICIAL USE") {
        banner = "LIMITED OFFICIAL USE";
    } else {
        for (const char ch : c.classification) {
            banner += ch == ' ' ? "  " : std::string(1, ch) + " ";
        }
        while (!banner.empty() && banner.back() == ' ') {
            banner.pop_back();
        }
    }
    const std::string serial = std::to_string(c.serial);
    std::string b = banner + " " + c.city + " "
        + std::string(6 - std::min<std::size_t>(6, serial.size()), '0') + serial + "\n\nSIPDIS\n\n";
    b += c.year >= 1995
        ? "E.O. 12958: DECL: " + two(c.month) + "/" + two(c.day) + "/" + std::to_string(c.year + 10) + "\n"
        : "E.O. 12065: GDS " + two(c.month) + "/" + two(c.day) + "/" + two((c.year + 6) % 100) + "\n";
    b += "TAGS:";
    const std::size_t ntags = 2 + r.below(5);
    std::vector<const char*> chosen;
    for (std::size_t i = 0; i < ntags; ++i) {
        const char* t = tags[g.tag_zipf.draw(r)];
        if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) {
            chosen.push_back(t);
            b += std::string(" ") + t;
        }
    }
    std::string subject = g.sentence(3 + r.below(7), true);
    subject.pop_back();
    b += "\nSUBJECT: " + subject + "\n\n";
    const std::size_t refs = r.below(4);
    if (refs > 0) {
        b += "REF:";
        for (std::size_t i = 0; i < refs; ++i) {
            // Half name a recent cable of this corpus, so references resolve as in a real archive.
            std::string target = "STATE " + std::to_string(10000 + r.below(90000));
            if (!g.recent.empty() && r.chance(0.5)) {
                target = g.recent[r.below(g.recent.size())];
            }
            b += std::string(refs > 1 ? (i == 0 ? " A. " : "\n     B. ") : " ") + target;
            if (refs > 1 && i == 1) {
                break;
            }
        }
        b += "\n\n";
    }
    if (c.classification != "UNCLASSIFIED") {
        b += "Classified By: " + std::string(r.chance(0.5) ? "Ambassador " : "DCM ")
            + signers[r.below(signers.size())] + " for reasons 1.4 (b) and (d)\n\n";
    }
    const std::size_t paragraphs = 3 + r.below(8);
    const std::string mark = c.classification == "UNCLASSIFIED" ? "(U)"
        : c.classification == "SECRET"                          ? "(S)"
                                                                : "(C)";
    for (std::size_t p = 1; p <= paragraphs; ++p) {
        b += std::to_string(p) + ". " + mark + " ";
        if (p == 1 && r.chance(0.6)) {
            b += upper ? "SUMMARY: " : "Summary: ";
        }
        const std::size_t sentences = 1 + r.below(6);
        std::string para;
        for (std::size_t s = 0; s < sentences; ++s) {
            para.append(s == 0 ? "" : " ").append(g.sentence(6 + r.below(22), upper));
        }
        if (p == 1 && para.size() > 0 && r.chance(0.6)) {
            para += upper ? " END SUMMARY." : " End summary.";
        }
        // Telegram lines are short: wrap near 70 columns.
        std::size_t col = 0;
        std::string wrapped;
        std::istringstream words(para);
        std::string w;
        while (words >> w) {
            if (col + w.size() + 1 > 68) {
                wrapped += "\n";
                col = 0;
            } else if (col > 0) {
                wrapped += " ";
                ++col;
            }
            wrapped += w;
            col += w.size();
        }
        b += wrapped + "\n\n";
    }
    b += signers[r.below(signers.size())] + std::string("\n");
    c.body = std::move(b);
    const std::string ref = two(c.year % 100) + " " + c.city + " " + std::to_string(c.serial);
    if (g.recent.size() < 5000) {
        g.recent.push_back(ref);
    } else {
        g.recent[index % 5000] = ref;
    }
    return c;
}

std::string bare_file(const CableText& c, std::size_t index)
{
    return "\nVZCZCXYZ" + std::to_string(1000 + index % 9000) + "\nOO RUEHWEB\n\nDE RUEH"
        + c.city.substr(0, 2) + " #" + std::to_string(index % 9000) + " " + std::to_string(100 + index % 800)
        + "0935\nZNY CCCCC ZZH\n" + c.header + "\n" + c.body;
}

std::string csv_escape(const std::string& s)
{
    std::string out = "\"";
    for (const char ch : s) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
        }
        out += ch;
    }
    return out + "\"";
}

std::string csv_row(const CableText& c, std::size_t index)
{
    std::string origin = c.city;
    for (std::size_t i = 1; i < origin.size(); ++i) {
        if (origin[i - 1] != ' ') {
            origin[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(origin[i])));
        }
    }
    return csv_escape(std::to_string(index + 1)) + ","
        + csv_escape(std::to_string(c.month) + "/" + std::to_string(c.day) + "/" + std::to_string(c.year)
            + " " + std::to_string(c.hour) + ":" + two(c.minute))
        + "," + csv_escape(c.id) + "," + csv_escape("Embassy " + origin) + "," + csv_escape(c.classification)
        + "," + csv_escape("") + "," + csv_escape(c.header) + "," + csv_escape(c.body) + "\n";
}

int usage()
{
    std::fprintf(stderr, "usage: gen_corpus --count N --seed S --out DIR [--seed-dir DIR]\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    std::size_t count = 0;
    std::uint64_t seed = 1;
    fs::path out;
    fs::path seed_dir = CK_CORPUS_DIR;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        const std::string value = argv[i + 1];
        if (key == "--count") {
            count = std::strtoull(value.c_str(), nullptr, 10);
        } else if (key == "--seed") {
            seed = std::strtoull(value.c_str(), nullptr, 10);
        } else if (key == "--out") {
            out = value;
        } else if (key == "--seed-dir") {
            seed_dir = value;
        } else {
            return usage();
        }
    }
    if (count == 0 || out.empty() || argc % 2 == 0) {
        return usage();
    }
    const Language lang = learn(seed_dir);
    if (lang.words.size() < 100) {
        std::fprintf(stderr, "gen_corpus: too few words in %s\n", seed_dir.c_str());
        return 1;
    }
    Generator g(lang, seed);
    constexpr std::size_t rows_per_csv = 500;
    constexpr std::size_t files_per_dir = 2000;
    std::ofstream csv;
    std::size_t csv_rows = 0;
    std::size_t csv_files = 0;
    std::uintmax_t bytes = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const CableText c = make_cable(g, i);
        if (g.rng.chance(0.3)) {
            if (csv_rows % rows_per_csv == 0) {
                const fs::path dir = out / "csv";
                fs::create_directories(dir);
                csv.close();
                csv.open(dir / ("cables-" + std::to_string(csv_files++) + ".csv"), std::ios::binary);
            }
            const std::string row = csv_row(c, csv_rows++);
            csv << row;
            bytes += row.size();
        } else {
            const fs::path dir = out / "bare" / std::to_string(i / files_per_dir);
            if (i % files_per_dir == 0 || !fs::exists(dir)) {
                fs::create_directories(dir);
            }
            const std::string text = bare_file(c, i);
            std::ofstream f(dir / (std::to_string(i) + ".txt"), std::ios::binary);
            f << text;
            bytes += text.size();
        }
        if ((i + 1) % 100000 == 0) {
            std::fprintf(stderr, "gen_corpus: %zu cables\n", i + 1);
        }
    }
    std::printf("gen_corpus: %zu cables, %.1f MB, vocabulary %zu seed words, seed %llu, into %s\n", count,
        static_cast<double>(bytes) / 1e6, lang.words.size(), static_cast<unsigned long long>(seed),
        out.c_str());
    return 0;
}
