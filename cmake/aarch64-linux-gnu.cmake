# Cross-compiling for arm64 (a Raspberry Pi-class board) with Debian's multiarch toolchain:
# crossbuild-essential-arm64 and the ":arm64" -dev packages, which install beside the amd64 ones
# (/usr/lib/aarch64-linux-gnu), so there is no sysroot. `.ci/deps arm64` installs all of it.
#
# Tests run through qemu-user (CMAKE_CROSSCOMPILING_EMULATOR). Without -L and QEMU_LD_PREFIX:
# the multiarch libc6:arm64 puts the loader at /lib/ld-linux-aarch64.so.1, where the binaries look
# for it (and qemu-aarch64-static -L hangs on this kind of machine).
#
# libunibreak is the exception: bookworm's libunibreak1 and libunibreak-dev are not multiarch (the
# arm64 ones would replace the amd64 ones), so .ci/deps unpacks both arm64 packages into
# build/arm64-unibreak/ and this file points pkg-config at it. The build tree's run path finds the
# library there under qemu; the arm64 .deb depends on libunibreak1, which a real arm64 system
# installs in /usr/lib.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
find_program(CK_QEMU_AARCH64 qemu-aarch64-static REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${CK_QEMU_AARCH64}")

# pkg-config for arm64: the multiarch .pc files, then the unpacked libunibreak.
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "pkg-config for arm64")
get_filename_component(ck_source_dir "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(CK_ARM64_UNIBREAK "${ck_source_dir}/build/arm64-unibreak" CACHE PATH "libunibreak-dev:arm64, unpacked")
set(ENV{PKG_CONFIG_PATH} "${CK_ARM64_UNIBREAK}/usr/lib/pkgconfig")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")

# The Debian package's architecture (CPack would otherwise ask dpkg for the host's).
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
