// Reading the variants list (variants.hpp). Forms are kept as written; the pack writer folds them
// with the index's tokenizer, so they match exactly what a visitor's words fold to.
#include "content/variants.hpp"

#include "core/ascii.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>

namespace ck::content {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && ascii::is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && ascii::is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::size_t words_in(std::string_view form)
{
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : form) {
        const bool space = ascii::is_space(c);
        words += !space && !in_word ? 1 : 0;
        in_word = !space;
    }
    return words;
}

// One line's forms, or the problem with them.
Result<std::vector<std::string>> forms_of(std::string_view line)
{
    std::vector<std::string> forms;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i < line.size() && line[i] != '\t' && line[i] != ',') {
            continue;
        }
        const std::string_view form = trim(line.substr(start, i - start));
        start = i + 1;
        if (form.empty()) {
            return make_error("an empty form (two separators in a row, or one at the end)", "");
        }
        if (words_in(form) > variant_form_max_words) {
            return make_error("'" + std::string(form) + "' has more than "
                    + std::to_string(variant_form_max_words) + " words; a form is a word or a short name",
                "");
        }
        forms.emplace_back(form);
    }
    if (forms.size() < 2) {
        return make_error("a group needs two forms or more, separated by tabs or commas", "");
    }
    if (forms.size() > variant_group_max_forms) {
        return make_error("a group has at most " + std::to_string(variant_group_max_forms) + " forms", "");
    }
    return forms;
}

} // namespace

Result<std::vector<VariantGroup>> parse_variants(
    std::string_view text, const std::string& file_name, std::vector<Error>* problems)
{
    std::vector<VariantGroup> out;
    std::optional<Error> first;
    const auto fail = [&](std::size_t line, const std::string& message) {
        Error e { message, file_name + ":" + std::to_string(line) };
        if (problems != nullptr) {
            problems->push_back(e);
        }
        if (!first) {
            first = std::move(e);
        }
    };
    if (text.size() > variants_max_bytes) {
        fail(0, "the variants list is larger than " + std::to_string(variants_max_bytes >> 10U) + " KiB");
        return *first;
    }
    if (!utf8::is_valid(text)) {
        fail(0, "the variants list is not valid UTF-8");
        return *first;
    }
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view line = trim(text.substr(pos, end - pos));
        ++line_no;
        pos = end + 1;
        if (line.empty() || line.front() == '#') {
            continue;
        }
        // "TERM > A, B": the term leads to A and B, which do not lead back.
        const std::size_t arrow = line.find('>');
        std::string joined(line);
        if (arrow != std::string_view::npos) {
            joined = std::string(trim(line.substr(0, arrow))) + "," + std::string(line.substr(arrow + 1));
            if (trim(line.substr(0, arrow)).empty() || line.find('>', arrow + 1) != std::string_view::npos) {
                fail(line_no, "a one-way group is one form, '>', and the forms it leads to");
                continue;
            }
        }
        auto forms = forms_of(joined);
        if (!forms) {
            fail(line_no, forms.error().message);
            continue;
        }
        out.push_back(
            VariantGroup { std::move(*forms), arrow != std::string_view::npos, file_name, line_no });
    }
    if (first) {
        return *first;
    }
    return out;
}

Result<std::vector<VariantGroup>> read_variants(
    const std::filesystem::path& path, std::vector<Error>* problems)
{
    const std::string name = path.filename().string();
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > variants_max_bytes) {
        Error e { "the variants list is larger than " + std::to_string(variants_max_bytes >> 10U) + " KiB",
            name + ":0" };
        if (problems != nullptr) {
            problems->push_back(e);
        }
        return e;
    }
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) {
        Error e { "cannot read the variants list", name + ":0" };
        if (problems != nullptr) {
            problems->push_back(e);
        }
        return e;
    }
    std::string text;
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return parse_variants(text, name, problems);
}

} // namespace ck::content
