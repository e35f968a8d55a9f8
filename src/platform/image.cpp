// Reading PNG files through libpng's simplified API (png_image_*), whose errors come back as
// values, and comparing images. Writing is png_write.cpp's (zlib directly, on both cores).
#include "platform/image.hpp"

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ck::platform {

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
