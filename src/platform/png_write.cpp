// PNG writing with zlib directly, on both cores: the frame is cut into bands of rows, each band is
// filtered and deflated on its own (the even bands on the caller's thread, which alone may read
// the renderer, the odd ones on a helper), and the pieces are joined into one zlib stream the way
// pigz joins its blocks: every piece but the last ends with a sync flush (byte-aligned, not
// final), and the stream's Adler-32 is combined from the pieces'. libpng's writer could only
// deflate on one thread, and deflate was two thirds of a 1080p screenshot's time (README:
// kiosk_bench). A band restarts the compressor's window, which costs under 2 % in size.
#include "platform/image.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace ck::platform {

namespace {

// One band's share of the zlib stream.
struct Piece {
    std::string bytes;
    uLong adler = 0;
    std::size_t raw_size = 0;
    bool ok = false;
};

// Filters `rows` RGBA (or BGRA) rows into PNG's "sub" filtered RGB scanlines (flat areas become runs of
// zeros) and deflates them as one piece; `last` ends the stream.
class BandDeflater {
public:
    BandDeflater()
    {
        // Raw deflate (the zlib header and trailer are written once, around all the pieces);
        // level 1: a screenshot is for looking at soon, not for archiving.
        m_ready = deflateInit2(&m_z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~BandDeflater() { deflateEnd(&m_z); }
    BandDeflater(const BandDeflater&) = delete;
    BandDeflater& operator=(const BandDeflater&) = delete;
    BandDeflater(BandDeflater&&) = delete;
    BandDeflater& operator=(BandDeflater&&) = delete;

    // `rows` rows of `width` pixels, `pitch` bytes apart.
    Piece deflate_band(
        const std::uint8_t* rgba, std::size_t pitch, int width, int rows, RowOrder order, bool last)
    {
        Piece piece;
        if (!m_ready || deflateReset(&m_z) != Z_OK) {
            return piece;
        }
        const std::size_t line = 1 + static_cast<std::size_t>(width) * 3;
        m_filtered.resize(line * static_cast<std::size_t>(rows));
        for (int r = 0; r < rows; ++r) {
            filter_sub(rgba + static_cast<std::size_t>(r) * pitch, width, order == RowOrder::bgra ? 2 : 0,
                m_filtered.data() + static_cast<std::size_t>(r) * line);
        }
        piece.raw_size = m_filtered.size();
        piece.adler = adler32_sparse(1, m_filtered.data(), m_filtered.size());
        // Deflated into a buffer kept across bands (sized for the worst case, so touched once),
        // then only the few bytes made are copied out: a fresh worst-case buffer per band cost
        // more in page faults than the band's deflate.
        m_out.resize(std::max(m_out.size(), deflateBound(&m_z, static_cast<uLong>(m_filtered.size())) + 16));
        m_z.next_in = m_filtered.data();
        m_z.avail_in = static_cast<uInt>(m_filtered.size());
        m_z.next_out = m_out.data();
        m_z.avail_out = static_cast<uInt>(m_out.size());
        const int rc = deflate(&m_z, last ? Z_FINISH : Z_SYNC_FLUSH);
        piece.ok = last ? rc == Z_STREAM_END : rc == Z_OK && m_z.avail_in == 0;
        piece.bytes.assign(reinterpret_cast<const char*>(m_out.data()), m_out.size() - m_z.avail_out);
        return piece;
    }

private:
    // Reads each channel from the pixel itself and the one to its left (no carried state), which
    // the compiler turns into straight loads and subtractions.
    static void filter_sub(const std::uint8_t* px, int width, std::size_t red, std::uint8_t* out)
    {
        const std::size_t blue = 2 - red;
        out[0] = 1; // filter type "sub": each byte minus the same channel of the pixel to its left
        out[1] = px[red];
        out[2] = px[1];
        out[3] = px[blue];
        for (std::size_t x = 1; x < static_cast<std::size_t>(width); ++x) {
            const std::uint8_t* p = px + x * 4;
            std::uint8_t* o = out + 1 + x * 3;
            o[0] = static_cast<std::uint8_t>(p[red] - p[red - 4]);
            o[1] = static_cast<std::uint8_t>(p[1] - p[1 - 4]);
            o[2] = static_cast<std::uint8_t>(p[blue] - p[blue - 4]);
        }
    }

    z_stream m_z {};
    bool m_ready = false;
    std::vector<std::uint8_t> m_filtered;
    std::vector<Bytef> m_out;
};

// The helper thread's side: bands handed over by the caller, deflated in turn. At most two bands
// wait, so memory stays a few bands whatever the frame's size.
class BandHelper {
public:
    BandHelper(std::vector<Piece>& pieces, int width, RowOrder order)
        : m_pieces(pieces)
        , m_width(width)
        , m_order(order)
        , m_thread([this] { run(); })
    {
    }
    ~BandHelper() { finish(); }
    BandHelper(const BandHelper&) = delete;
    BandHelper& operator=(const BandHelper&) = delete;
    BandHelper(BandHelper&&) = delete;
    BandHelper& operator=(BandHelper&&) = delete;

    // A free buffer for the next band the helper will take (waits while both are in use).
    std::vector<std::uint8_t>& buffer()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_queued < m_buffers.size(); });
        return m_buffers[(m_first + m_queued) % m_buffers.size()];
    }
    // Hands over the buffer buffer() gave, holding band `index` of `rows` rows.
    void hand_over(std::size_t index, int rows, bool last)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_jobs[(m_first + m_queued) % m_jobs.size()] = { index, rows, last };
            ++m_queued;
        }
        m_changed.notify_all();
    }
    // Waits for every band handed over, and stops the thread.
    void finish()
    {
        if (!m_thread.joinable()) {
            return;
        }
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

private:
    struct Job {
        std::size_t index = 0;
        int rows = 0;
        bool last = false;
    };

    void run()
    {
        BandDeflater deflater;
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [&] { return m_queued > 0 || m_stop; });
            if (m_queued == 0) {
                return; // stopped, and nothing left
            }
            const Job job = m_jobs[m_first];
            const std::vector<std::uint8_t>& band = m_buffers[m_first];
            lock.unlock();
            // The buffer is not handed out again until m_queued drops, so it is read unlocked.
            Piece piece = deflater.deflate_band(
                band.data(), static_cast<std::size_t>(m_width) * 4, m_width, job.rows, m_order, job.last);
            lock.lock();
            m_pieces[job.index] = std::move(piece);
            m_first = (m_first + 1) % m_buffers.size();
            --m_queued;
            m_changed.notify_all();
        }
    }

    std::vector<Piece>& m_pieces;
    int m_width;
    RowOrder m_order;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::array<std::vector<std::uint8_t>, 2> m_buffers;
    std::array<Job, 2> m_jobs {};
    std::size_t m_first = 0; // the oldest waiting band
    std::size_t m_queued = 0;
    bool m_stop = false;
    std::thread m_thread; // last: started once every member above exists
};

void put_u32(std::string& out, std::uint32_t v)
{
    const std::array<char, 4> bytes { static_cast<char>(v >> 24U), static_cast<char>((v >> 16U) & 0xFFU),
        static_cast<char>((v >> 8U) & 0xFFU), static_cast<char>(v & 0xFFU) };
    out.append(bytes.data(), bytes.size());
}

// A PNG chunk: length, type, data, CRC-32 of type and data.
void put_chunk(std::string& out, const char* type, const std::string& data)
{
    put_u32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t type_at = out.size();
    out.append(type, 4);
    out += data;
    const auto* crc_from = reinterpret_cast<const Bytef*>(out.data() + type_at);
    put_u32(out, static_cast<std::uint32_t>(crc32(0, crc_from, static_cast<uInt>(4 + data.size()))));
}

// The file's bytes: signature, header, sRGB, one IDAT with the joined pieces, end.
std::string png_file(int width, int height, const std::vector<Piece>& pieces)
{
    std::string header;
    put_u32(header, static_cast<std::uint32_t>(width));
    put_u32(header, static_cast<std::uint32_t>(height));
    header += std::string("\x08\x02\x00\x00\x00", 5); // 8 bits, RGB, deflate, adaptive filters, no interlace
    std::string idat = "\x78\x01"; // zlib header: deflate, 32 KiB window, fastest level
    uLong adler = adler32(0, nullptr, 0);
    for (const Piece& p : pieces) {
        idat += p.bytes;
        adler = adler32_combine(adler, p.adler, static_cast<z_off_t>(p.raw_size));
    }
    put_u32(idat, static_cast<std::uint32_t>(adler));
    std::string file = "\x89PNG\r\n\x1a\n";
    put_chunk(file, "IHDR", header);
    put_chunk(file, "sRGB", std::string(1, '\0')); // perceptual
    put_chunk(file, "IDAT", idat);
    put_chunk(file, "IEND", {});
    return file;
}

// Writes `bytes` to `path` through a temporary beside it, so the file appears whole or not at all
// (a staff report never links a half-written screenshot).
Status write_whole(const std::string& path, const std::string& bytes)
{
    const std::string tmp = path + ".part-" + std::to_string(::getpid());
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (f == nullptr) {
        return make_error("cannot write PNG: cannot create the file", path);
    }
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    const bool closed = std::fclose(f) == 0;
    if (!written || !closed || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return make_error("cannot write PNG: disk full?", path);
    }
    return {};
}

} // namespace

std::uint32_t adler32_sparse(std::uint32_t adler, const std::uint8_t* data, std::size_t size)
{
    constexpr std::uint64_t base = 65521;
    // Blocks of 64 KiB keep both sums within 64 bits before they are reduced: s1 stays below
    // 65521 + 255 * 65536 and s2 grows by at most that much a byte.
    constexpr std::size_t block = std::size_t { 1 } << 16U;
    std::uint64_t s1 = adler & 0xFFFFU;
    std::uint64_t s2 = adler >> 16U;
    std::size_t i = 0;
    while (i < size) {
        const std::size_t end = i + std::min(block, size - i);
        for (; i + 8 <= end; i += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, data + i, 8);
            if (word == 0) {
                s2 += 8 * s1; // eight zero bytes: s1 unchanged, added to s2 eight times
                continue;
            }
            for (std::size_t k = i; k < i + 8; ++k) {
                s1 += data[k];
                s2 += s1;
            }
        }
        for (; i < end; ++i) {
            s1 += data[i];
            s2 += s1;
        }
        s1 %= base;
        s2 %= base;
    }
    return static_cast<std::uint32_t>((s2 << 16U) | s1);
}

Status write_png_rows(
    const std::string& path, int width, int height, int band_rows, const RowFill& fill, RowOrder order)
{
    if (width <= 0 || height <= 0 || band_rows <= 0 || width > (1 << 20) || band_rows > (1 << 16)) {
        return make_error("cannot write PNG: empty image", path);
    }
    const std::size_t bands = (static_cast<std::size_t>(height) + static_cast<std::size_t>(band_rows) - 1)
        / static_cast<std::size_t>(band_rows);
    std::vector<Piece> pieces(bands);
    std::vector<std::uint8_t> own(static_cast<std::size_t>(width) * 4 * static_cast<std::size_t>(band_rows));
    bool filled = true;
    {
        BandDeflater deflater;
        BandHelper helper(pieces, width, order);
        for (std::size_t b = 0; b < bands && filled; ++b) {
            const int first = static_cast<int>(b) * band_rows;
            const int rows = std::min(band_rows, height - first);
            const bool last = b + 1 == bands;
            if (b % 2 == 1) {
                std::vector<std::uint8_t>& buffer = helper.buffer();
                buffer.resize(own.size());
                filled = fill(first, rows, buffer.data());
                if (filled) {
                    helper.hand_over(b, rows, last);
                }
            } else {
                filled = fill(first, rows, own.data());
                if (filled) {
                    pieces[b] = deflater.deflate_band(
                        own.data(), static_cast<std::size_t>(width) * 4, width, rows, order, last);
                }
            }
        }
        helper.finish();
    }
    if (!filled) {
        return make_error("cannot write PNG: cannot read the frame back", path);
    }
    for (const Piece& p : pieces) {
        if (!p.ok) {
            return make_error("cannot write PNG: zlib could not compress the frame", path);
        }
    }
    return write_whole(path, png_file(width, height, pieces));
}

Status write_png_pixels(const std::string& path, int width, int height, const std::uint8_t* pixels,
    std::size_t pitch, RowOrder order)
{
    constexpr int band_rows = 32;
    if (width <= 0 || height <= 0 || width > (1 << 20)) {
        return make_error("cannot write PNG: empty image", path);
    }
    if (pitch < static_cast<std::size_t>(width) * 4) {
        return make_error("cannot write PNG: its rows are shorter than its width", path);
    }
    const std::size_t bands = (static_cast<std::size_t>(height) + band_rows - 1) / band_rows;
    std::vector<Piece> pieces(bands);
    // Bands taken in turn by this thread and one helper, each reading its rows where they are.
    const auto deflate_every_other = [&](std::size_t first_band) {
        BandDeflater deflater;
        for (std::size_t b = first_band; b < bands; b += 2) {
            const int first = static_cast<int>(b) * band_rows;
            pieces[b] = deflater.deflate_band(pixels + static_cast<std::size_t>(first) * pitch, pitch, width,
                std::min(band_rows, height - first), order, b + 1 == bands);
        }
    };
    {
        std::thread helper(deflate_every_other, 1);
        deflate_every_other(0);
        helper.join();
    }
    for (const Piece& p : pieces) {
        if (!p.ok) {
            return make_error("cannot write PNG: zlib could not compress the frame", path);
        }
    }
    return write_whole(path, png_file(width, height, pieces));
}

Status write_png(const std::string& path, const Image& image)
{
    if (image.rgba.size()
        != static_cast<std::size_t>(std::max(0, image.width))
            * static_cast<std::size_t>(std::max(0, image.height)) * 4) {
        return make_error("cannot write PNG: the image's size does not match its pixels", path);
    }
    return write_png_pixels(
        path, image.width, image.height, image.rgba.data(), static_cast<std::size_t>(image.width) * 4);
}

} // namespace ck::platform
