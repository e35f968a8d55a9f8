// StageFile: an append-only file of encoded cables plus an in-memory key per cable.
#include "content/stage_file.hpp"

#include "content/cable_codec.hpp"
#include "core/ordered_ahead.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <system_error>
#include <unistd.h>

namespace ck::content {

namespace {

constexpr std::size_t arena_block_bytes = 1U << 20U;
constexpr std::size_t write_buffer_bytes = 4U << 20U;
// Cables decoded ahead of the writer: enough to ride out a slow row, few enough to stay small.
constexpr std::size_t decode_ahead = 64;

std::int64_t date_key(const std::optional<cable::CableDate>& d)
{
    if (!d) {
        return std::numeric_limits<std::int64_t>::max();
    }
    // Hour and minute are -1 when unknown: such a cable sorts before timed ones of its day.
    return ((((static_cast<std::int64_t>(d->year) * 100 + d->month) * 100 + d->day) * 100 + (d->hour + 1))
               * 100)
        + (d->minute + 1);
}

Error io_error(std::string_view what, const std::filesystem::path& path)
{
    return make_error(std::string(what) + ": " + std::generic_category().message(errno), path.string());
}

} // namespace

StageFile::~StageFile()
{
    close_and_remove();
}

StageFile::StageFile(StageFile&& other) noexcept
    : m_path(std::move(other.m_path))
    , m_fd(other.m_fd)
    , m_end(other.m_end)
    , m_buffer(std::move(other.m_buffer))
    , m_arena(std::move(other.m_arena))
    , m_arena_used(other.m_arena_used)
    , m_keys(std::move(other.m_keys))
    , m_slots(std::move(other.m_slots))
{
    other.m_fd = -1;
    other.m_path.clear();
}

StageFile& StageFile::operator=(StageFile&& other) noexcept
{
    if (this != &other) {
        close_and_remove();
        m_path = std::move(other.m_path);
        m_fd = other.m_fd;
        m_end = other.m_end;
        m_buffer = std::move(other.m_buffer);
        m_arena = std::move(other.m_arena);
        m_arena_used = other.m_arena_used;
        m_keys = std::move(other.m_keys);
        m_slots = std::move(other.m_slots);
        other.m_fd = -1;
        other.m_path.clear();
    }
    return *this;
}

Result<StageFile> StageFile::create(const std::filesystem::path& path)
{
    StageFile s;
    s.m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (s.m_fd < 0) {
        return io_error("cannot create the staging file", path);
    }
    s.m_path = path;
    return s;
}

void StageFile::close_and_remove()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_path.empty()) {
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
        m_path.clear();
    }
}

Status StageFile::keep(std::string_view id, Key& key)
{
    if (id.size() > std::numeric_limits<std::uint16_t>::max()) {
        return make_error("the cable id is too long to stage (" + std::to_string(id.size()) + " bytes)",
            std::string(id.substr(0, 64)));
    }
    if (m_arena.empty() || m_arena_used + id.size() > arena_block_bytes) {
        if ((m_arena.size() + 1) * arena_block_bytes > std::numeric_limits<std::uint32_t>::max()) {
            return make_error("too many cable ids to stage", std::string(id));
        }
        m_arena.push_back(std::make_unique<char[]>(arena_block_bytes));
        m_arena_used = 0;
    }
    std::memcpy(m_arena.back().get() + m_arena_used, id.data(), id.size());
    key.id_at = static_cast<std::uint32_t>((m_arena.size() - 1) * arena_block_bytes + m_arena_used);
    key.id_size = static_cast<std::uint16_t>(id.size());
    m_arena_used += id.size();
    return {};
}

std::string_view StageFile::id_of(const Key& key) const
{
    return { m_arena[key.id_at / arena_block_bytes].get() + key.id_at % arena_block_bytes, key.id_size };
}

std::optional<std::size_t> StageFile::find(std::string_view id) const
{
    if (m_slots.empty()) {
        return std::nullopt;
    }
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t at = std::hash<std::string_view> {}(id)&mask; m_slots[at] != 0; at = (at + 1) & mask) {
        if (id_of(m_keys[m_slots[at] - 1]) == id) {
            return m_slots[at] - 1;
        }
    }
    return std::nullopt;
}

void StageFile::index(std::size_t key)
{
    if ((m_keys.size()) * 2 > m_slots.size()) {
        // Grow to twice the size and place every key again.
        std::vector<std::uint32_t>(std::max<std::size_t>(1024, m_slots.size() * 2), 0).swap(m_slots);
        for (std::size_t k = 0; k < m_keys.size(); ++k) {
            if (k != key) {
                index(k);
            }
        }
    }
    const std::size_t mask = m_slots.size() - 1;
    std::size_t at = std::hash<std::string_view> {}(id_of(m_keys[key])) & mask;
    while (m_slots[at] != 0) {
        at = (at + 1) & mask;
    }
    m_slots[at] = static_cast<std::uint32_t>(key + 1);
}

bool StageFile::contains(std::string_view id) const
{
    return find(id).has_value();
}

std::size_t StageFile::size() const
{
    return m_keys.size();
}

Status StageFile::append(std::string_view id, bool id_from_file, const cable::Cable& cable)
{
    const std::string bytes = codec::encode(cable);
    if (bytes.size() > std::numeric_limits<std::uint32_t>::max()) {
        return make_error("the cable is too large to stage", cable.source_file);
    }
    if (m_keys.size() >= std::numeric_limits<std::uint32_t>::max() - 1) {
        return make_error("too many cables to stage", cable.source_file);
    }
    Key key;
    key.date = date_key(cable.date);
    if (auto st = keep(id, key); !st) {
        return st;
    }
    key.offset = m_end + m_buffer.size();
    key.size = static_cast<std::uint32_t>(bytes.size());
    key.id_from_file = id_from_file;
    m_buffer += bytes;
    if (m_buffer.size() >= write_buffer_bytes) {
        if (::pwrite(m_fd, m_buffer.data(), m_buffer.size(), static_cast<off_t>(m_end))
            != static_cast<ssize_t>(m_buffer.size())) {
            return io_error("cannot write the staging file", m_path);
        }
        m_end += m_buffer.size();
        m_buffer.clear();
    }
    m_keys.push_back(key);
    index(m_keys.size() - 1);
    return {};
}

Result<cable::Cable> StageFile::read_at(const Key& key)
{
    std::string bytes(key.size, '\0');
    if (key.offset >= m_end) {
        // Still in the write buffer.
        const auto at = static_cast<std::size_t>(key.offset - m_end);
        bytes.assign(m_buffer, at, key.size);
    } else if (::pread(m_fd, bytes.data(), bytes.size(), static_cast<off_t>(key.offset))
        != static_cast<ssize_t>(bytes.size())) {
        return io_error("cannot read the staging file", m_path);
    }
    return codec::decode(bytes);
}

Result<cable::Cable> StageFile::read(std::string_view id)
{
    const auto at = find(id);
    if (!at) {
        return make_error("not staged", std::string(id));
    }
    return read_at(m_keys[*at]);
}

Status StageFile::for_each_in_order(const std::function<Status(cable::Cable&, bool)>& fn)
{
    if (!m_buffer.empty()) {
        if (::pwrite(m_fd, m_buffer.data(), m_buffer.size(), static_cast<off_t>(m_end))
            != static_cast<ssize_t>(m_buffer.size())) {
            return io_error("cannot write the staging file", m_path);
        }
        m_end += m_buffer.size();
        m_buffer.clear();
    }
    // The id index is no longer needed: its memory goes to the build.
    std::vector<std::uint32_t>().swap(m_slots);
    std::sort(m_keys.begin(), m_keys.end(), [this](const Key& a, const Key& b) {
        return a.date != b.date ? a.date < b.date : id_of(a) < id_of(b);
    });
    // Reading and decoding run on a second thread, a bounded queue ahead of `fn` (the SQLite
    // writer), in the same order.
    OrderedAhead<Result<cable::Cable>> ahead(
        m_keys.size(), [this](std::size_t i) { return read_at(m_keys[i]); }, decode_ahead, false);
    for (const Key& key : m_keys) {
        auto cable = ahead.take();
        if (!cable) {
            return cable.error();
        }
        cable->id = std::string(id_of(key));
        if (auto st = fn(*cable, key.id_from_file); !st) {
            return st;
        }
    }
    return {};
}

} // namespace ck::content
