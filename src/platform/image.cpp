// libpng's simplified API (png_image_*) where a whole image is in memory; errors come back as
// values. Streamed writes need libpng's row API, whose errors arrive by longjmp: that is confined
// to write_rows_or_jump(), which owns no C++ object a jump could skip.
#include "platform/image.hpp"

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ck::platform {

Status write_png(const std::string& path, const Image& image)
{
    png_image png {};
    png.version = PNG_IMAGE_VERSION;
    png.width = static_cast<png_uint_32>(image.width);
    png.height = static_cast<png_uint_32>(image.height);
    png.format = PNG_FORMAT_RGBA;
    // Fast zlib settings: a 1080p screenshot in a few ms instead of ~90, a little larger on disk.
    png.flags |= PNG_IMAGE_FLAG_FAST;
    if (png_image_write_to_file(&png, path.c_str(), 0, image.rgba.data(), 0, nullptr) == 0) {
        return make_error(std::string("cannot write PNG: ") + png.message, path);
    }
    return {};
}

namespace {

struct RowWrite {
    std::FILE* file = nullptr;
    int width = 0;
    int height = 0;
    int band_rows = 1;
    const RowFill* fill = nullptr;
    std::uint8_t* band = nullptr; // band_rows * width * 4 bytes, owned by the caller
    const char* failure = nullptr;
};

// Returns false with w.failure set. Screenshots favour speed: the "sub" filter alone (flat UI
// areas become runs of zeros) and zlib level 1 write a 1080p frame in about a third of the time
// of libpng's adaptive filtering, at a similar size (measured in the README's kiosk_bench notes).
// NOLINTNEXTLINE(readability-function-cognitive-complexity): one linear libpng sequence
bool write_rows_or_jump(RowWrite& w)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
    if (png == nullptr || info == nullptr) {
        png_destroy_write_struct(&png, &info);
        w.failure = "out of memory";
        return false;
    }
    // NOLINTNEXTLINE(cert-err52-cpp): libpng reports errors only by longjmp
    if (setjmp(png_jmpbuf(png)) != 0) {
        png_destroy_write_struct(&png, &info);
        w.failure = w.failure != nullptr ? w.failure : "libpng could not write the file";
        return false;
    }
    png_init_io(png, w.file);
    png_set_IHDR(png, info, static_cast<png_uint_32>(w.width), static_cast<png_uint_32>(w.height), 8,
        PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_compression_level(png, 1);
    png_write_info(png, info);
    // The frame is opaque: its alpha bytes are dropped as the rows are written (a quarter less to
    // compress); read_png() gives them back as 255.
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    const auto stride = static_cast<std::size_t>(w.width) * 4;
    for (int first = 0; first < w.height; first += w.band_rows) {
        const int rows = std::min(w.band_rows, w.height - first);
        if (!(*w.fill)(first, rows, w.band)) {
            w.failure = "cannot read the frame back";
            png_destroy_write_struct(&png, &info);
            return false;
        }
        for (int r = 0; r < rows; ++r) {
            png_write_row(png, w.band + static_cast<std::size_t>(r) * stride);
        }
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

Status write_png_rows(const std::string& path, int width, int height, int band_rows, const RowFill& fill)
{
    if (width <= 0 || height <= 0 || band_rows <= 0) {
        return make_error("cannot write PNG: empty image", path);
    }
    std::vector<std::uint8_t> band(static_cast<std::size_t>(width) * 4 * static_cast<std::size_t>(band_rows));
    RowWrite w { std::fopen(path.c_str(), "wb"), width, height, band_rows, &fill, band.data(), nullptr };
    if (w.file == nullptr) {
        return make_error("cannot write PNG: cannot create the file", path);
    }
    const bool written = write_rows_or_jump(w);
    const bool closed = std::fclose(w.file) == 0;
    if (!written || !closed) {
        std::remove(path.c_str());
        return make_error(
            std::string("cannot write PNG: ") + (w.failure != nullptr ? w.failure : "disk full?"), path);
    }
    return {};
}

Result<Image> read_png(const std::string& path)
{
    png_image png {};
    png.version = PNG_IMAGE_VERSION;
    if (png_image_begin_read_from_file(&png, path.c_str()) == 0) {
        return make_error(std::string("cannot read PNG: ") + png.message, path);
    }
    png.format = PNG_FORMAT_RGBA;
    Image image;
    image.width = static_cast<int>(png.width);
    image.height = static_cast<int>(png.height);
    image.rgba.resize(PNG_IMAGE_SIZE(png));
    if (png_image_finish_read(&png, nullptr, image.rgba.data(), 0, nullptr) == 0) {
        png_image_free(&png);
        return make_error(std::string("cannot decode PNG: ") + png.message, path);
    }
    return image;
}

ImageDiff compare_images(const Image& a, const Image& b, int channel_tolerance)
{
    if (a.width != b.width || a.height != b.height || a.rgba.size() != b.rgba.size()) {
        return {};
    }
    std::size_t differing = 0;
    int max_delta = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
        int delta = 0;
        for (std::size_t c = 0; c < 4; ++c) {
            delta = std::max(
                delta, std::abs(static_cast<int>(a.rgba[i + c]) - static_cast<int>(b.rgba[i + c])));
        }
        max_delta = std::max(max_delta, delta);
        if (delta > channel_tolerance) {
            ++differing;
        }
    }
    const std::size_t pixels = a.rgba.size() / 4;
    return { pixels == 0 ? 0.0 : static_cast<double>(differing) / static_cast<double>(pixels), max_delta };
}

} // namespace ck::platform
