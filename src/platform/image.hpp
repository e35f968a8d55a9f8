// An 8-bit RGBA image in memory, and PNG files (read with libpng, written with zlib on both cores:
// the only PNG code).
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ck::platform {

struct Image {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba; // width * height * 4, rows top to bottom

    [[nodiscard]] const std::uint8_t* pixel(int x, int y) const
    {
        return rgba.data()
            + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x))
            * 4;
    }
};

// Writes an opaque image as an RGB PNG (alpha is dropped; read_png() gives it back as 255).
Status write_png(const std::string& path, const Image& image);
// Writes an RGB PNG of `width` x `height` opaque RGBA pixels whose rows come from `fill` a band
// at a time (`fill(first_row, rows, out)` writes rows * width * 4 bytes, false on failure), on the
// caller's thread: a screenshot streams from the renderer without a second frame-sized buffer.
// The bands are compressed on two threads. The file appears whole (written beside it, then
// renamed); a failed write leaves no file.
// `order` says where red and blue are in each 4-byte pixel: BGRA is what a software renderer
// holds on a little-endian machine, so it is read back without SDL converting every pixel.
using RowFill = std::function<bool(int first_row, int rows, std::uint8_t* out)>;
enum class RowOrder { rgba, bgra };
Status write_png_rows(const std::string& path, int width, int height, int band_rows, const RowFill& fill,
    RowOrder order = RowOrder::rgba);
// The same for pixels that are all in memory already (rows `pitch` bytes apart), as a software
// renderer's frame is: both threads deflate their bands from where the rows are, with no copy.
// The frame must not change until it returns.
Status write_png_pixels(const std::string& path, int width, int height, const std::uint8_t* pixels,
    std::size_t pitch, RowOrder order = RowOrder::rgba);
Result<Image> read_png(const std::string& path);
// Adler-32 (RFC 1950) of `data`, continuing `adler` (1 to start), as zlib's adler32() computes it,
// but passing over zero bytes eight at a time: a screenshot's filtered rows are mostly zeros (a
// flat background), and zlib's byte-by-byte sum was 2.6 ms of CPU per 1080p screenshot.
std::uint32_t adler32_sparse(std::uint32_t adler, const std::uint8_t* data, std::size_t size);

// How far two images of the same size differ: the share of pixels whose largest channel
// difference exceeds `channel_tolerance`.
struct ImageDiff {
    double differing_fraction = 1.0;
    int max_channel_delta = 255;
};
ImageDiff compare_images(const Image& a, const Image& b, int channel_tolerance);

} // namespace ck::platform
