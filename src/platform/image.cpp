// libpng's simplified API (png_image_*): no setjmp in our code, errors come back as values.
#include "platform/image.hpp"

#include <png.h>

#include <algorithm>
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
