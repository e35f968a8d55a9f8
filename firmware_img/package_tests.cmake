# Tests of the .deb that `cpack --preset deb` made (the deb workflow: configure, build, package,
# test). Label "package"; the throwaway-root test also has the label "slow" (see the README).
set(CK_DEB "${CMAKE_BINARY_DIR}/${CPACK_PACKAGE_NAME}_${CPACK_PACKAGE_VERSION}_${CPACK_DEBIAN_PACKAGE_ARCHITECTURE}.deb")
set(ck_pkg_work "${CMAKE_CURRENT_BINARY_DIR}/work")

add_test(NAME deb_holds_the_programs_pack_units_config_docs_and_maintainer_scripts
  COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/tests/package.sh" contents "${CK_DEB}" "${ck_pkg_work}/contents"
          "${PROJECT_SOURCE_DIR}")
add_test(NAME deb_has_no_lintian_errors_and_every_warning_is_explained_in_the_readme
  COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/tests/package.sh" lintian "${CK_DEB}" "${ck_pkg_work}/lintian"
          "${PROJECT_SOURCE_DIR}")
string(JOIN " " ck_emulator ${CMAKE_CROSSCOMPILING_EMULATOR})
set_tests_properties(deb_holds_the_programs_pack_units_config_docs_and_maintainer_scripts
  deb_has_no_lintian_errors_and_every_warning_is_explained_in_the_readme
  PROPERTIES LABELS "package" TIMEOUT 600 ENVIRONMENT "CK_EMULATOR=${ck_emulator}")

# Needs mmdebstrap and the Debian mirror; skipped (exit 77) when either is missing.
add_test(NAME deb_installs_upgrades_keeping_a_changed_config_and_purges_in_a_throwaway_root
  COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/tests/throwaway_root.sh" "${CK_DEB}" "${ck_pkg_work}/root")
set_tests_properties(deb_installs_upgrades_keeping_a_changed_config_and_purges_in_a_throwaway_root
  PROPERTIES LABELS "package;slow" TIMEOUT 1800 SKIP_RETURN_CODE 77)
