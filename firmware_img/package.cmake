# The Debian package, made by CPack's DEB generator from the install rules above (README: "Why
# CPack"). Depends is computed by dpkg-shlibdeps from the binaries, plus what the kiosk needs at
# run time and no binary shows: Debian's fonts (never copies), systemd for the units, sysusers and
# tmpfiles, curl for the fetcher. (init-system-helpers, for deb-systemd-helper, and awk are
# essential in Debian: a dependency on them is an error for lintian.)
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "cable-kiosk")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The Cable Kiosk authors")
set(CPACK_PACKAGE_CONTACT "Cable Kiosk maintainers <cable-kiosk@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touch-screen kiosk viewer for declassified diplomatic cables")
# CPack puts the summary first and indents these lines by one space (so "." separates paragraphs).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Cable Kiosk shows a curated, signed collection of declassified and leaked
U.S. diplomatic cables on a museum's touch screen, offline: an attract loop,
themed sections, a reader in a typewriter face, full-text search and a
timeline, in English and Japanese.
.
This package holds the viewer (kiosk), the curator's tool (cablepack), the
bundled exhibit pack, a hardened systemd service that runs the viewer on
tty1, and a timer that fetches a fleet's newest pack from any web server.")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
# The host's architecture, unless a cross toolchain file names the target's (arm64).
if(NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
  execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE CPACK_DEBIAN_PACKAGE_ARCHITECTURE
    OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
endif()
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/cable-kiosk")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "fonts-inter, fonts-courier-prime, fonts-ipaexfont-gothic, systemd, curl")
if(CMAKE_CROSSCOMPILING)
  # libunibreak1:arm64 cannot be installed beside the amd64 one (cmake/aarch64-linux-gnu.cmake), so
  # dpkg-shlibdeps is shown the unpacked copy as a private folder and the dependency is named here.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${CK_ARM64_UNIBREAK}/usr/lib")
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libunibreak1 (>= 1.0)")
endif()
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "prometheus-node-exporter")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  "${CMAKE_CURRENT_SOURCE_DIR}/debian/conffiles"
  "${CMAKE_CURRENT_SOURCE_DIR}/debian/postinst"
  "${CMAKE_CURRENT_SOURCE_DIR}/debian/prerm"
  "${CMAKE_CURRENT_SOURCE_DIR}/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
# The install rules use absolute paths (/etc, /lib/systemd): CPack must stage them under DESTDIR.
set(CPACK_SET_DESTDIR ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
# CPack lists every parent folder in the package; the ones Debian's base system owns stay out
# of the way of dpkg's file lists only by being plain folders, which they are.
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
include(CPack)
