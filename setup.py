# The build step pyproject.toml leaves to setuptools: the extension neardup._neardup is the CMake
# target neardup_python (python/CMakeLists.txt), configured for the Python running this build.
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def version():
    cmake = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(neardup VERSION ([0-9.]+)", cmake).group(1)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = Path(self.build_temp).resolve() / "cmake"
        configure = ["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                     "-DNEARDUP_BUILD_PYTHON=ON", "-DNEARDUP_BUILD_TESTS=OFF", "-DNEARDUP_BUILD_BENCH=OFF",
                     "-DPython_EXECUTABLE=" + sys.executable]
        if shutil.which("ninja"):
            configure += ["-G", "Ninja"]
        subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
        subprocess.run(["cmake", "--build", str(build), "--target", "neardup_python", "neardup_python_command",
                        "--parallel", jobs],
                       check=True)
        built = next((build / "python" / "neardup").glob("_neardup*.so"))
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)
        # The command that clean_file() and report_file() run, executable bit kept.
        (target.parent / "bin").mkdir(exist_ok=True)
        shutil.copy2(build / "python" / "neardup" / "bin" / "neardup", target.parent / "bin" / "neardup")


setup(version=version(), ext_modules=[Extension("neardup._neardup", sources=[])],
      cmdclass={"build_ext": CMakeBuild})
