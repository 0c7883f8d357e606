"""Draw benchmarks/scale.json (``run.py --scale``) as benchmarks/scale.png.

    pip install -e '.[bench]'          # matplotlib
    python benchmarks/plot.py [--input scale.json] [--output scale.png]

Three panels on logarithmic sizes: opening the 1 MiB article against its floor, an
edit's cost (tag, relabel) against the 16 ms frame budget, and start-up against the
bare window, so growth with the wrong thing shows as a slope.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def plot(scale: dict, output: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    claims, articles = scale["claims"], scale["articles"]
    fig, axes = plt.subplots(1, 3, figsize=(13, 4), dpi=110)
    ax = axes[0]
    ax.plot(claims["sizes"], claims["open_ms"], "o-", label="Tahqiq")
    ax.plot(claims["sizes"], claims["open_floor_ms"], "s--", label="floor (bare reader)")
    ax.plot(claims["sizes"], [2 * f for f in claims["open_floor_ms"]], ":", color="grey",
            label="target: 2x floor")
    ax.set_title("Open the 1 MiB article")
    ax.set_xlabel("claims in the article")
    ax.set_ylabel("ms to the first paint")
    ax = axes[1]
    ax.plot(claims["sizes"], claims["tag_ms"], "o-", label="tag")
    ax.plot(claims["sizes"], claims["relabel_ms"], "^-", label="relabel")
    ax.plot(claims["sizes"], claims["first_tag_ms"], "v-", label="first tag of a session")
    ax.axhline(16, color="grey", linestyle=":", label="16 ms")
    ax.set_title("One edit, to idle")
    ax.set_xlabel("claims in the article")
    ax.set_ylabel("ms")
    ax = axes[2]
    ax.plot(articles["sizes"], articles["startup_ms"], "o-", label="Tahqiq")
    ax.plot(articles["sizes"], articles["startup_floor_ms"], "s--", label="floor (bare window)")
    ax.set_title("Start-up, through the launcher")
    ax.set_xlabel("articles in the project")
    ax.set_ylabel("ms to the first paint")
    for ax in axes:
        ax.set_xscale("log")
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(f"Tahqiq at scale — {scale['machine']}, {scale['when']}, "
                 f"medians of {scale['rounds']} rounds", fontsize=10)
    fig.tight_layout()
    fig.savefig(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=HERE / "scale.json")
    parser.add_argument("--output", type=Path, default=HERE / "scale.png")
    args = parser.parse_args()
    plot(json.loads(args.input.read_text("utf-8")), args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
