# Install and export (`cmake --install BUILD [--prefix DIR]`): the neardup command to bin/, the
# public headers (include/neardup/ only), the library for C++ programs, a CMake package and a
# pkg-config file. HACKING.md ("Installing the library") says why it is shaped this way.
include(CMakePackageConfigHelpers)

# The folders a program that calls the public interface needs, lowest last (as pkg-config lists
# them). io, render, check and quality serve the command only and are not installed.
set(NEARDUP_INSTALLED_FOLDERS engine passages store similarity text api base)

install(TARGETS neardup RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/neardup DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")

set(installed_targets neardup_library)
foreach(folder ${NEARDUP_INSTALLED_FOLDERS})
  list(APPEND installed_targets neardup_${folder})
endforeach()
install(TARGETS ${installed_targets} EXPORT neardupTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(NEARDUP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/neardup)
install(EXPORT neardupTargets NAMESPACE neardup:: DESTINATION ${NEARDUP_CMAKE_DIR})
configure_package_config_file(cmake/neardupConfig.cmake.in ${PROJECT_BINARY_DIR}/neardupConfig.cmake
                              INSTALL_DESTINATION ${NEARDUP_CMAKE_DIR})
# 0.x: a minor version may change the interface.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/neardupConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/neardupConfig.cmake ${PROJECT_BINARY_DIR}/neardupConfigVersion.cmake
        DESTINATION ${NEARDUP_CMAKE_DIR})

# pkg-config: the prefix is found from the .pc file's own place, so the file holds for whatever
# prefix `cmake --install --prefix` is given.
file(RELATIVE_PATH NEARDUP_PC_TO_PREFIX /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" NEARDUP_PC_TO_PREFIX "${NEARDUP_PC_TO_PREFIX}")
set(NEARDUP_PC_LIBS "")
foreach(folder ${NEARDUP_INSTALLED_FOLDERS})
  string(APPEND NEARDUP_PC_LIBS " -lneardup_${folder}")
endforeach()
configure_file(cmake/neardup.pc.in ${PROJECT_BINARY_DIR}/neardup.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/neardup.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
