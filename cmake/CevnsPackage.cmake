# Install the library, headers, data and a CMake package so that other projects can
#   find_package(cevns) and link cevns::cevns.
include(CMakePackageConfigHelpers)
install(TARGETS cevns EXPORT cevnsTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS cevns_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/cevns DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/generated/cevns/build_info.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/cevns)
install(DIRECTORY data/ DESTINATION ${CEVNS_INSTALL_DATA_DIR})
install(EXPORT cevnsTargets NAMESPACE cevns:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cevns)
configure_package_config_file(cmake/cevnsConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/cevnsConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cevns)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/cevnsConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/cevnsConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/cevnsConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/cevns)
