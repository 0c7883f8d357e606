"""Tahqiq in a Linux desktop's application menu, with its icon and its own file type.

``tahqiq --install-desktop`` writes, for the current user only (no root needed), under
``$XDG_DATA_HOME`` (usually ``~/.local/share``):

- ``applications/tahqiq.desktop``: the menu entry, in English and Arabic; ``Exec=`` is
  the ``tahqiq`` that is running (the bundle's executable, or a virtual environment's
  console script), so the entry opens the copy the user installed it from;
- ``icons/hicolor/NxN/apps/tahqiq.png`` at every size rendered into ``resources/icons``,
  and ``icons/hicolor/scalable/apps/tahqiq.svg``;
- ``mime/packages/tahqiq.xml``: the type ``application/x-tahqiq``, for ``*.tahqiq``
  files and for SQLite files whose ``application_id`` says Tahqiq (a renamed project);

then refreshes the desktop's caches (``update-mime-database``,
``update-desktop-database``) and makes Tahqiq the type's default application
(``xdg-mime default``, which adds one line to ``mimeapps.list``), each tool only when it
is installed. ``--uninstall-desktop`` removes exactly those files and that line, and the
caches and folders that only they needed.

There is one entry per user, whichever copy wrote it (a bundle and a pip install, say):
installing over another copy's entry says that it now opens this copy, and
``--uninstall-desktop`` refuses to remove another copy's entry, naming that copy, unless
``--force`` is given or that copy is gone (rv280: a pip copy's uninstall removed the
bundle's entry, saying nothing of it).

Free of Qt: the launcher runs this before Qt is imported, so it works without a display.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

APP_ID = "tahqiq"
MIME_TYPE = "application/x-tahqiq"
DESKTOP_FILE = f"{APP_ID}.desktop"
# Characters the Desktop Entry spec reserves in Exec= arguments: such an argument is quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class DesktopIntegrationError(Exception):
    """The desktop integration cannot be written or removed; str() is the one-line reason."""


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or its default ``~/.local/share``."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def config_home() -> Path:
    """``$XDG_CONFIG_HOME``, or its default ``~/.config`` (where mimeapps.list lives)."""
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def launch_command() -> list[str]:
    """The command that starts this same Tahqiq: the bundle's executable when frozen,
    else the ``tahqiq`` console script that is running, else ``python -P -m gui``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = shutil.which(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script and Path(script).name.startswith(APP_ID):
        return [str(Path(script).absolute())]
    # -P: a menu starts it in the home folder, where a gui.py must not stand in for ours.
    return [sys.executable, "-P", "-m", "gui"]


def exec_argument(arg: str) -> str:
    """One Exec= argument, quoted as the Desktop Entry spec asks: inside double quotes
    with ``"`` `` ` `` ``$`` ``\\`` backslash-escaped, then every backslash doubled again
    because the whole value is a string with its own escapes; ``%`` becomes ``%%``."""
    arg = arg.replace("%", "%%")
    if arg and not set(arg) & _RESERVED:
        return arg
    quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return quoted.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The text of tahqiq.desktop for a Tahqiq started by *command*."""
    exec_line = " ".join(exec_argument(arg) for arg in command) + " %f"
    try_exec = command[0].replace("\\", "\\\\")
    return f"""[Desktop Entry]
Type=Application
Version=1.4
Name=Tahqiq
Name[ar]=تحقيق
GenericName=Fact-Checking Annotator
GenericName[ar]=أداة تدقيق الادعاءات
Comment=Tag, review and exchange the claims in news articles
Comment[ar]=وسم الادعاءات في المقالات الإخبارية ومراجعتها وتبادلها
Keywords=fact-checking;verification;claims;annotation;news;Arabic;
Keywords[ar]=تحقق;تدقيق;ادعاءات;وسم;أخبار;مراجعة;
Icon={APP_ID}
TryExec={try_exec}
Exec={exec_line}
Terminal=false
Categories=Office;
MimeType={MIME_TYPE};
StartupNotify=true
StartupWMClass=Tahqiq
"""


def mime_package() -> str:
    """shared-mime-info XML for application/x-tahqiq.

    A project is an SQLite file whose header says "SQLite format 3" and whose
    application_id (big-endian, offset 68) is 0x54514951, "TQIQ"; the magic outranks
    plain SQLite's (priority 50) so a renamed project is still a Tahqiq project.
    """
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="{MIME_TYPE}">
    <comment>Tahqiq project</comment>
    <comment xml:lang="ar">مشروع تحقيق</comment>
    <sub-class-of type="application/vnd.sqlite3"/>
    <icon name="{APP_ID}"/>
    <glob pattern="*.tahqiq"/>
    <magic priority="60">
      <match type="string" value="SQLite format 3" offset="0">
        <match type="big32" value="0x54514951" offset="68"/>
      </match>
    </magic>
  </mime-type>
</mime-info>
"""


def icon_sources() -> dict[str, Traversable]:
    """Each icon file to install, by its path under the data folder."""
    folder = resources.files("resources").joinpath("icons")
    icons = {f"icons/hicolor/scalable/apps/{APP_ID}.svg": folder.joinpath("tahqiq.svg")}
    for png in folder.iterdir():
        side = png.name.removeprefix("tahqiq-").removesuffix(".png")
        if png.name.endswith(".png") and side.isdigit():
            icons[f"icons/hicolor/{side}x{side}/apps/{APP_ID}.png"] = png
    return icons


def entry_program(home: Path) -> str | None:
    """The program the installed menu entry starts (its ``TryExec=``, unescaped), or None
    when there is no entry, or none that names one."""
    try:
        lines = (home / "applications" / DESKTOP_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        if line.startswith("TryExec="):
            return re.sub(r"\\(.)", r"\1", line.removeprefix("TryExec=")) or None
    return None


def another_copy(home: Path, command: Sequence[str]) -> str | None:
    """The program of the installed entry when another copy of Tahqiq than *command*'s
    wrote it, else None. A copy is its program's folder: the bundle's, or a virtual
    environment's ``bin`` (its ``tahqiq`` script and its ``python -m gui`` are one copy;
    two environments' pythons, links to one system Python, are not)."""
    program = entry_program(home)
    if program is None or program == command[0]:
        return None
    try:
        if os.path.samefile(Path(program).parent, Path(command[0]).parent):
            return None
    except OSError:  # (a folder gone: that copy is not this one)
        pass
    return program


def installed_files(home: Path) -> list[Path]:
    """Every file that install() writes under *home*, and that uninstall() removes."""
    names = [f"applications/{DESKTOP_FILE}", f"mime/packages/{APP_ID}.xml", *icon_sources()]
    return [home / name for name in names]


def install(home: Path | None = None, command: Sequence[str] | None = None) -> list[Path]:
    """Write the menu entry, icons and file type for *command*; returns the files written."""
    home = home or data_home()
    contents: dict[str, bytes] = {
        f"applications/{DESKTOP_FILE}": desktop_entry(command or launch_command()).encode(),
        f"mime/packages/{APP_ID}.xml": mime_package().encode(),
    }
    contents.update({name: source.read_bytes() for name, source in icon_sources().items()})
    written = []
    try:
        for name, data in contents.items():
            path = home / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
    except OSError as exc:
        raise DesktopIntegrationError(f"cannot write {exc.filename}: {exc.strerror}") from None
    _refresh_caches(home)
    _run("xdg-mime", "default", DESKTOP_FILE, MIME_TYPE)
    return written


def uninstall(home: Path | None = None, command: Sequence[str] | None = None,
              force: bool = False) -> list[Path]:
    """Remove what install() wrote under *home* and its default-application line;
    returns the files removed. Files of other applications are left as they were.

    An entry that starts another copy of Tahqiq than *command* (the running one) is that
    copy's: it is refused, naming the copy, unless *force*, or unless that copy is gone
    (nothing left to remove its own)."""
    home = home or data_home()
    other = another_copy(home, command or launch_command())
    if other is not None and not force and os.path.exists(other):
        raise DesktopIntegrationError(
            f"the menu entry opens another copy of Tahqiq, {other}; run "
            f"'{other} --uninstall-desktop' to remove it, or add --force to remove it "
            "from here")
    removed = []
    try:
        for path in installed_files(home):
            if path.is_file():
                path.unlink()
                removed.append(path)
        for path in (config_home() / "mimeapps.list", home / "applications" / "mimeapps.list"):
            _forget_default(path)
        if removed:
            _refresh_caches(home)
        for path in removed:
            _prune_empty_folders(path.parent, home)
    except OSError as exc:
        raise DesktopIntegrationError(f"cannot remove {exc.filename}: {exc.strerror}") from None
    return removed


def _refresh_caches(home: Path) -> None:
    """Rebuild the MIME and desktop-entry caches from what is now installed; a cache
    that describes nothing any more is removed, since nothing else needs it."""
    mime, applications = home / "mime", home / "applications"
    packages = mime / "packages"
    if packages.is_dir() and any(packages.iterdir()):
        _run("update-mime-database", str(mime))
    elif mime.is_dir():  # the spec: everything in mime/ but packages/ is generated
        shutil.rmtree(mime)
    if any(applications.rglob("*.desktop")):
        _run("update-desktop-database", str(applications))
    else:
        (applications / "mimeinfo.cache").unlink(missing_ok=True)
        _prune_empty_folders(applications, home)


def _forget_default(mimeapps: Path) -> None:
    """Drop the line ``xdg-mime default`` added; drop the file if nothing else is left."""
    if not mimeapps.is_file():
        return
    ours = f"{MIME_TYPE}={DESKTOP_FILE}"
    lines = mimeapps.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if line.strip() != ours]
    if kept == lines:
        return
    if all(not line.strip() or line.strip() == "[Default Applications]" for line in kept):
        mimeapps.unlink()
    else:
        mimeapps.write_text("\n".join(kept) + "\n", encoding="utf-8")


def _prune_empty_folders(folder: Path, home: Path) -> None:
    """Remove *folder* and its parents while they are empty, stopping at *home*."""
    while folder != home and home in folder.parents and folder.is_dir() \
            and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def _run(tool: str, *args: str) -> None:
    """Run a desktop tool if it is installed; a desktop without it still gets the files."""
    if shutil.which(tool):
        subprocess.run([tool, *args], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)


def main(args: Sequence[str]) -> int:
    """``tahqiq --install-desktop`` or ``tahqiq --uninstall-desktop [--force]``."""
    option = args[0] if len(args) == 1 or list(args[1:]) == ["--force"] else None
    force = len(args) == 2
    if option not in ("--install-desktop", "--uninstall-desktop") \
            or (force and option != "--uninstall-desktop"):
        print("tahqiq: error: usage: tahqiq --install-desktop | --uninstall-desktop "
              "[--force]", file=sys.stderr)
        return 2
    if sys.platform in ("win32", "darwin"):
        print(f"tahqiq: error: {option} is for Linux desktops; on this system the "
              "installer registers Tahqiq", file=sys.stderr)
        return 1
    try:
        if option == "--install-desktop":
            command = launch_command()
            other = another_copy(data_home(), command)
            files = install(command=command)
            print(f"Tahqiq is in the application menu and opens .tahqiq files "
                  f"({len(files)} files under {data_home()}).")
            if other is not None:
                print(f"The menu entry opened another copy of Tahqiq, {other}; it now "
                      f"opens this one, {command[0]}.")
        else:
            files = uninstall(force=force)
            print(f"Removed Tahqiq from the application menu ({len(files)} files).")
    except DesktopIntegrationError as exc:
        print(f"tahqiq: error: {exc}", file=sys.stderr)
        return 1
    return 0
