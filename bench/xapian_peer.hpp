// Xapian (Debian's libxapian-dev) as a peer in search_bench, never linked into the product: the
// pack's cables indexed with the same field weights as ours (subject 8, tags 4, body 1, through
// the within-document frequency, as Xapian weights fields) and BM25 with our k1 and b, queried per
// class for the top 20 with a snippet per hit and the match estimate.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace ck::bench {

class XapianPeer {
public:
    // Opens the database at `dir`, or first builds it from the pack at `pack_path` when `dir`
    // does not hold one made from this pack (its content hash is kept in the database). Prints
    // progress on stderr. Null with a message on stderr when Xapian fails.
    static std::unique_ptr<XapianPeer> open_or_build(const std::string& pack_path, const std::string& dir);
    ~XapianPeer();
    XapianPeer(const XapianPeer&) = delete;
    XapianPeer& operator=(const XapianPeer&) = delete;
    XapianPeer(XapianPeer&&) = delete;
    XapianPeer& operator=(XapianPeer&&) = delete;

    // The top 20 for `text` as a visitor typed it (a last word without a space after it is a
    // prefix, "..." a phrase), each with a snippet; returns the match estimate.
    std::size_t search(const std::string& text);

    [[nodiscard]] double build_seconds() const { return m_build_seconds; }

private:
    struct Impl;
    explicit XapianPeer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
    double m_build_seconds = 0;
};

} // namespace ck::bench
