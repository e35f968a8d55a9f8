// The real bundled exhibit, built by the tests themselves from content_pack/ (the documents and
// collection.toml, variants.tsv, names_ja.tsv, readings_ja.tsv) with the real parser and PackWriter, once per
// test process.
#pragma once

#include <filesystem>

namespace ck::test {

// Path of the exhibit pack, built on first use into a temporary directory removed at exit.
const std::filesystem::path& exhibit_pack_path();

} // namespace ck::test
