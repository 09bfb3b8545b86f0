"""The simulated customer, drawn procedurally: face, posture, hands and the props on the table.

Everything is drawn in a 1000×1000 design space (y down); the part in ``VIEW`` is scaled into the target rect,
drawn at twice the size and smoothed down. A ``Pose`` is a flat record of numbers (lean, head tilt, gaze, smile,
hand positions, …) plus which prop each hand holds; every cue is a ``Pose``, the typology scales and biases it,
trust/readiness/patience add a mood on top, and ``Avatar`` eases from pose to pose (via waypoints when a prop is
picked up or put down). "Left"/"right" are the viewer's: the watch is on the wrist seen on the right. Meaning is
carried by shapes and positions; colours only decorate.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import random
from dataclasses import dataclass, fields, replace
from typing import Any, Final

import pygame

from simulator.ui import palette
from simulator.ui.palette import Colour

Point = tuple[float, float]
Point3 = tuple[float, float, float]


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


INK: Final = palette.INK
TABLE: Final = _mix(palette.ORANGE, palette.BACKGROUND, 0.6)
TABLE_EDGE: Final = _mix(palette.ORANGE, palette.INK, 0.45)
CHAIR: Final = _mix(palette.MUTED_INK, palette.BACKGROUND, 0.45)
PAD: Final = _mix(palette.YELLOW, palette.PANEL, 0.55)
TABLE_Y: Final = 770.0
HOME: Final[dict[str, Point]] = {"brochure": (290.0, 835.0), "pen": (445.0, 865.0), "price_list": (600.0, 905.0)}
VIEW: Final = (70.0, 870.0)  # top and size of the part of the design space that is shown
HEAD: Final = 1.15  # cartoon head: bigger than life


@dataclass(frozen=True)
class Pose:
    """Every visible degree of freedom; numbers are eased between poses, the two ``hold_*`` switch."""

    lean: float = 0.0  # -1 back (smaller, further) .. 1 forward (bigger, closer)
    rise: float = 0.0  # 1 = sitting tall
    drop: float = 0.0  # shoulders: 1 lowered (relaxed), -1 raised (tense)
    tilt: float = 0.0  # head roll in degrees
    turn: float = 0.0  # head yaw: -1 to the viewer's left .. 1 right
    chin: float = 0.0  # 1 up .. -1 down
    gx: float = 0.0  # gaze, -1..1
    gy: float = 0.0
    lid: float = 0.12  # upper lids: 0 wide open .. 1 shut
    soft: float = 0.0  # smiling eyes (lower lids up)
    brow: float = 0.0  # raised
    frown: float = 0.0  # inner brow ends down
    smile: float = 0.05  # -1 frown .. 1 grin
    mouth: float = 0.0  # open
    tense: float = 0.0  # pressed lips
    hand_l: Point = (405.0, 805.0)  # viewer-left hand (the customer's right), design units
    hand_r: Point = (595.0, 805.0)  # viewer-right hand, wears the watch
    elbow_l: Point = (300.0, 700.0)  # an elbow spot, used as far as ``pull`` says
    elbow_r: Point = (700.0, 700.0)
    pull: Point = (0.0, 0.0)  # weight of the elbow spots (left, right) over the computed elbows
    palms: float = 0.3  # 0 fists .. 1 open hands
    lap: float = 0.0  # hands pulled off the table, below its edge
    hold_l: str = ""
    hold_r: str = ""


CUES: Final[dict[str, Pose]] = {
    "neutral": Pose(),
    "leans_forward": Pose(lean=1.0, brow=0.35, lid=0.0, smile=0.15, hand_l=(440.0, 860.0), hand_r=(560.0, 860.0)),
    "nods": Pose(chin=-0.3, smile=0.35, brow=0.25, soft=0.25),
    "picks_up_brochure": Pose(
        hold_l="brochure", hand_l=(330.0, 665.0), gx=-0.7, gy=0.9, chin=-0.2, turn=-0.15, brow=0.3, smile=0.2
    ),
    "picks_up_pen": Pose(hold_l="pen", hand_l=(375.0, 650.0), brow=0.3, smile=0.2, lean=0.25, palms=0.0),
    "rereads_price_list": Pose(
        hold_r="price_list", hand_r=(615.0, 680.0), gx=0.6, gy=1.0, lid=0.45, chin=-0.25, turn=0.15, frown=0.35
    ),
    "relaxed": Pose(
        lean=-0.45, drop=1, tilt=5, smile=0.45, soft=0.35, lid=0.2, palms=1, hand_l=(345, 805), hand_r=(655, 805)
    ),
    "checks_watch": Pose(
        hand_r=(640, 470), elbow_r=(790, 715), pull=(0, 1), turn=0.3, gx=1, gy=0.6, frown=0.25, tense=0.4, palms=0
    ),
    "crosses_arms": Pose(
        hand_l=(610.0, 640.0), hand_r=(390.0, 655.0), lean=-0.2, frown=0.6, smile=-0.3, tense=0.3, chin=0.1, palms=0
    ),
    "leans_back": Pose(
        lean=-1.0, lap=1.0, hand_l=(420.0, 805.0), hand_r=(580.0, 805.0), chin=0.25, smile=-0.1, frown=0.15, lid=0.3
    ),
    "looks_away": Pose(turn=-1.0, gx=-1.0, gy=-0.2, tilt=-4.0, chin=0.1),
    "takes_notes": Pose(hold_l="pen", hand_l=(405.0, 850.0), chin=-0.35, gx=-0.4, gy=1.0, lid=0.5, lean=0.3, palms=0),
    "smiles": Pose(smile=1.0, mouth=0.6, soft=0.8, brow=0.3, tilt=4.0),
    "listens": Pose(tilt=13.0, brow=0.4, lid=0.0, lean=0.35, smile=0.12),
    "sits_upright": Pose(
        rise=1, chin=0.3, drop=-0.6, brow=-0.1, tense=0.35, smile=-0.05, lid=0, hand_l=(455, 800), hand_r=(545, 800)
    ),
}
MOTION: Final = ("lean", "rise", "drop", "tilt", "turn", "chin")


@dataclass(frozen=True)
class Style:
    """How one typology looks and moves."""

    suit: Colour
    shirt: Colour
    accent: Colour
    collar: str  # tie | turtleneck | cardigan | scarf | collar
    glasses: bool
    head: tuple[float, float, float]  # half width, half height, superellipse exponent (higher = squarer)
    shoulders: tuple[float, float]  # half width, corner radius
    brow_t: float  # brow thickness
    tempo: float  # seconds for one pose change
    amp: float  # how far the body moves
    nods: int
    base: tuple[tuple[str, float], ...] = ()  # added to every pose
    habit: tuple[tuple[str, Any], ...] = ()  # the left hand's pose whenever a cue leaves that hand free
    skin: Colour = palette.SKIN_TONES[0]
    hair: Colour = palette.HAIR_TONES[0]
    hair_style: int = 0
    seed: int = 0


def _types() -> dict[str, Style]:
    p = palette
    d = Style(
        suit=_mix(INK, p.BLUE, 0.3), shirt=p.PANEL, accent=p.VERMILLION, collar="tie", glasses=False,
        head=(132, 160, 2.8), shoulders=(218, 28), brow_t=17, tempo=0.45, amp=1.0, nods=2,
        base=(("rise", 0.35), ("frown", 0.15), ("smile", -0.05), ("lid", -0.07)),
    )  # fmt: skip
    a = Style(
        suit=_mix(p.MUTED_INK, p.BACKGROUND, 0.25), shirt=_mix(p.RULE, p.PANEL, 0.5), accent=p.MUTED_INK,
        collar="turtleneck", glasses=True, head=(120, 165, 2.0), shoulders=(195, 40), brow_t=9, tempo=0.6, amp=0.7,
        nods=2, base=(("lid", 0.08),),
    )  # fmt: skip
    s = Style(
        suit=_mix(p.ORANGE, p.VERMILLION, 0.25), shirt=_mix(p.YELLOW, p.PANEL, 0.7), accent=p.BLUISH_GREEN,
        collar="cardigan", glasses=False, head=(145, 150, 2.0), shoulders=(205, 75), brow_t=12, tempo=0.75, amp=1.1,
        nods=3, base=(("smile", 0.25), ("soft", 0.15), ("tilt", 3.0)),
    )  # fmt: skip
    i = replace(
        s, suit=p.REDDISH_PURPLE, shirt=p.PANEL, accent=p.YELLOW, collar="scarf", head=(140, 152, 2.1), tempo=0.55,
        amp=1.15, base=(("smile", 0.35), ("brow", 0.15), ("soft", 0.1)),
    )  # fmt: skip
    c = replace(
        a, suit=_mix(p.BLUE, p.MUTED_INK, 0.55), shirt=_mix(p.SKY_BLUE, p.PANEL, 0.5), collar="collar",
        head=(122, 162, 2.2), amp=0.75, habit=(("hold_l", "pen"), ("hand_l", HOME["pen"]), ("palms", 0.0)),
    )  # fmt: skip
    return {"D": d, "A": a, "S": s, "I": i, "C": c}


def make_style(typology: str, name: str) -> Style:
    """The look of this typology with a face chosen by a stable hash of the name."""
    style = _types().get(typology.strip().upper()) or replace(_types()["A"], glasses=False)
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    seed = int.from_bytes(hashlib.sha256(f"{typology}|{name}".encode()).digest()[:4], "big")
    return replace(
        style,
        skin=palette.SKIN_TONES[digest[0] % len(palette.SKIN_TONES)],
        hair=palette.HAIR_TONES[digest[1] % len(palette.HAIR_TONES)],
        hair_style=digest[2] % 3,
        seed=seed,
    )


def _clamp(x: float, lo: float = -1.0, hi: float = 1.0) -> float:
    return max(lo, min(hi, x))


def target_pose(cue: str, style: Style, trust: float, readiness: float, patience: float) -> Pose:
    """The pose a cue asks for, shaped by the typology and by the mood."""
    pose = CUES.get(cue, CUES["neutral"])
    if pose.hand_l == Pose().hand_l and not pose.hold_l:
        pose = replace(pose, **dict(style.habit))
    values: dict[str, Any] = {f: getattr(pose, f) * style.amp for f in MOTION}
    for field, add in style.base:
        values[field] = values.get(field, getattr(pose, field)) + add
    pose = replace(pose, **values)
    t = _clamp((trust - 50) / 50)
    closed, hurry, ready = max(0.0, -t), _clamp((45 - patience) / 45, 0, 1), _clamp((readiness - 50) / 50, 0, 1)
    (lx, ly), (rx, ry) = pose.hand_l, pose.hand_r
    inward = 45 * closed if min(ly, ry) > TABLE_Y and not pose.lap else 0.0  # distrust draws the hands in
    return replace(
        pose,
        smile=pose.smile + 0.3 * t - 0.15 * hurry,
        frown=pose.frown + 0.45 * closed + 0.2 * hurry,
        tense=pose.tense + 0.7 * hurry,
        brow=pose.brow + 0.15 * ready,
        lean=pose.lean + 0.15 * ready,
        hand_l=(lx + (0 if pose.hold_l else inward), ly),
        hand_r=(rx - (0 if pose.hold_r else inward), ry),
    )


def lerp_pose(a: Pose, b: Pose, t: float) -> Pose:
    """Numbers eased from ``a`` to ``b``; held props switch to ``b``'s at once (the plan makes that seamless)."""
    values: dict[str, Any] = {}
    for f in fields(Pose):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, tuple):
            values[f.name] = _lerp(x, y, t)
        else:
            values[f.name] = y if isinstance(x, str) else x + (y - x) * t
    return Pose(**values)


def plan(start: Pose, target: Pose) -> list[Pose]:
    """Waypoints after ``start``: carry a prop home and let go, reach for the next prop, then the target."""
    path: list[Pose] = []
    pose = start
    for side in ("l", "r"):
        held = getattr(pose, "hold_" + side)
        if held and held != getattr(target, "hold_" + side):
            home: dict[str, Any] = {"hand_" + side: HOME[held]}
            path.append(replace(pose, **home))
            let_go: dict[str, Any] = {"hold_" + side: ""}
            pose = replace(path[-1], **let_go)
    for side in ("l", "r"):
        want = getattr(target, "hold_" + side)
        if want and want != getattr(pose, "hold_" + side):
            reach: dict[str, Any] = {"hand_" + side: HOME[want], "hold_" + side: ""}
            pose = replace(pose, **reach)
            path.append(pose)
    return [*path, target]


@dataclass
class Move:
    """An eased walk along poses; ``path[0]`` is where it starts."""

    path: list[Pose]
    seg: float
    elapsed: float = 0.0

    @property
    def duration(self) -> float:
        return self.seg * (len(self.path) - 1)

    @property
    def done(self) -> bool:
        return self.elapsed >= self.duration

    def pose(self) -> Pose:
        if self.done:
            return self.path[-1]
        i = min(int(self.elapsed // self.seg), len(self.path) - 2)
        t = (self.elapsed - i * self.seg) / self.seg
        return lerp_pose(self.path[i], self.path[i + 1], t * t * (3 - 2 * t))


def _oval(rx: float, ry: float, exp: float = 2.0, n: int = 32, cx: float = 0.0, cy: float = 0.0) -> list[Point]:
    """A superellipse (exp 2 = ellipse, higher = squarer), clockwise from the right-hand point."""
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        c, s = math.cos(a), math.sin(a)
        pts.append((cx + rx * math.copysign(abs(c) ** (2 / exp), c), cy + ry * math.copysign(abs(s) ** (2 / exp), s)))
    return pts


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _polar(c: Point, degrees: float, r: float) -> Point:
    a = math.radians(degrees)
    return (c[0] + math.cos(a) * r, c[1] + math.sin(a) * r)


def _quad(q: tuple[Point, Point, Point, Point], u: float, v: float) -> Point:
    """Bilinear point in a quad given as top-left, top-right, bottom-right, bottom-left."""
    return _lerp(_lerp(q[0], q[1], u), _lerp(q[3], q[2], u), v)


def _elbow(shoulder: Point, hand: Point, upper: float, fore: float, side: int) -> Point:
    """Two-bone reach: of the two elbow spots, the one that points down and away from the body.

    A hand close to the shoulder means the arm points at the viewer, so the arm is foreshortened.
    """
    dx, dy = hand[0] - shoulder[0], hand[1] - shoulder[1]
    length = math.hypot(dx, dy) or 1.0
    short = min(1.0, max(1.3 * length, 0.5 * (upper + fore)) / (upper + fore))
    upper, fore = upper * short, fore * short
    d = max(abs(upper - fore) + 1, min(upper + fore - 1, length))
    along = (upper * upper - fore * fore + d * d) / (2 * d)
    h = math.sqrt(max(0.0, upper * upper - along * along))
    ux, uy = dx / length, dy / length
    base = (shoulder[0] + ux * along, shoulder[1] + uy * along)
    options = [(base[0] - uy * h * s, base[1] + ux * h * s) for s in (1, -1)]
    return max(options, key=lambda e: 0.35 * side * (e[0] - 500) + e[1])


class Painter:
    """Draws one pose into a rect; the caller sets the clip. Design units are scaled by ``k``."""

    def __init__(self, surface: pygame.Surface, rect: pygame.Rect, style: Style, pose: Pose, idle: Point3) -> None:
        """``idle`` is (breath -1..1, notes written 0..1, how far down a nod is 0..1)."""
        breath, self.notes, self.nod = idle
        self.sf, self.st, self.p, self.rect = surface, style, pose, rect
        self.k = min(rect.w, rect.h) / VIEW[1]
        self.ox, self.oy = rect.centerx - 500 * self.k, rect.bottom - (VIEW[0] + VIEW[1]) * self.k
        self.sc = 1 + 0.17 * pose.lean
        self.dy = (120 if pose.lean > 0 else 15) * pose.lean - 18 * pose.rise + 3 * breath
        self.top = -275 + 12 * pose.drop
        hx, hy = self.body(0, self.top - 205)
        self.hc = (hx + 20 * pose.turn, hy - 15 * pose.chin)
        angle = math.radians(pose.tilt)
        self.cos, self.sin = math.cos(angle), math.sin(angle)

    # coordinates: body-local and head-local points map to design points, design points to pixels
    def body(self, x: float, y: float) -> Point:
        return (500 + x * self.sc, 790 + self.dy + y * self.sc)

    def head(self, x: float, y: float) -> Point:
        x, y = x * self.sc * HEAD, y * self.sc * HEAD
        return (self.hc[0] + x * self.cos - y * self.sin, self.hc[1] + x * self.sin + y * self.cos)

    def face(self, x: float, y: float) -> Point:
        """A facial feature: squeezed and shifted by the head's turn, lowered by a nod."""
        turn = self.p.turn
        return self.head(x * (1 - 0.22 * abs(turn)) + 42 * turn, y - 26 * self.p.chin)

    def px(self, pt: Point) -> Point:
        return (self.ox + pt[0] * self.k, self.oy + pt[1] * self.k)

    def w(self, units: float) -> int:
        return max(1, round(units * self.k))

    def fill(self, colour: Colour, pts: list[Point], outline: float = 3.0) -> None:
        pixels = [self.px(p) for p in pts]
        pygame.draw.polygon(self.sf, colour, pixels)
        if outline:
            pygame.draw.polygon(self.sf, INK, pixels, self.w(outline))

    def lines(self, colour: Colour, pts: list[Point], width: float) -> None:
        if len(pts) > 1:
            pygame.draw.lines(self.sf, colour, False, [self.px(p) for p in pts], self.w(width))

    def circle(self, colour: Colour, centre: Point, radius: float, outline: float = 3.0) -> None:
        r = max(1.0, radius * self.k)
        pygame.draw.circle(self.sf, colour, self.px(centre), r)
        if outline:
            pygame.draw.circle(self.sf, INK, self.px(centre), r, self.w(outline))

    def capsule(self, colour: Colour, a: Point, b: Point, width: float) -> None:
        length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
        nx, ny = -(b[1] - a[1]) / length * width / 2, (b[0] - a[0]) / length * width / 2
        self.fill(
            colour, [(a[0] + nx, a[1] + ny), (b[0] + nx, b[1] + ny), (b[0] - nx, b[1] - ny), (a[0] - nx, a[1] - ny)], 0
        )
        for end in (a, b):
            self.circle(colour, end, width / 2, 0)

    def limb(self, colour: Colour, pts: list[Point], width: float) -> None:
        """A jointed sleeve with an ink outline: first the outline pass, then the fill pass."""
        for wide, col in ((width + 7, INK), (width, colour)):
            for a, b in itertools.pairwise(pts):
                self.capsule(col, a, b, wide * self.sc)

    def paint(self) -> None:
        self.sf.fill(palette.BACKGROUND, self.rect)
        chair = pygame.Rect(0, 0, round(400 * self.k), round(540 * self.k))
        chair.midtop = (round(self.px((500, 290))[0]), round(self.px((500, 290))[1]))
        pygame.draw.rect(self.sf, CHAIR, chair, border_radius=round(70 * self.k))
        pygame.draw.rect(self.sf, INK, chair, self.w(3), border_radius=round(70 * self.k))
        self.torso()
        self.draw_head()
        if self.p.lap >= 0.5:
            self.arms()
        self.table()
        if self.p.lap < 0.5:
            self.arms()

    def torso(self) -> None:
        st, top = self.st, self.top
        half, r = st.shoulders
        hh = st.head[1]
        self.fill(
            st.skin,
            [self.head(-42, hh * 0.5), self.head(42, hh * 0.5), self.body(44, top + 15), self.body(-44, top + 15)],
        )
        pts: list[Point] = [(-62, top - 4)]
        for sgn in (-1, 1):
            corner = [
                (sgn * (half - r) + sgn * r * math.cos(a), top + r + 22 * self.p.drop - r * math.sin(a))
                for a in (math.radians(d) for d in range(90, -1, -15))
            ]
            side = [*corner, (sgn * (half - 8), 340.0)]
            pts += side if sgn < 0 else [*side[::-1], (62, top - 4)]
        self.fill(st.suit, [self.body(*p) for p in pts])
        self.collar()

    def collar(self) -> None:
        st, top, b = self.st, self.top, self.body
        if st.collar in ("tie", "collar"):
            self.fill(st.shirt, [b(-60, top - 4), b(60, top - 4), b(0, top + 140)])
            for sgn in (-1, 1):
                self.fill(st.shirt, [b(sgn * 8, top - 12), b(sgn * 62, top - 8), b(sgn * 30, top + 40)])
        if st.collar == "tie":
            self.fill(st.accent, [b(-17, top + 4), b(17, top + 4), b(11, top + 30), b(-11, top + 30)])
            self.fill(
                st.accent, [b(-11, top + 30), b(11, top + 30), b(24, top + 210), b(0, top + 240), b(-24, top + 210)]
            )
            for sgn in (-1, 1):
                self.lines(INK, [b(sgn * 60, top - 4), b(sgn * 95, top + 70), b(sgn * 20, top + 190)], 4)
        elif st.collar == "collar":
            self.lines(
                INK, [b(60, top + 110), b(120, top + 110), b(120, top + 175), b(60, top + 175), b(60, top + 110)], 3
            )
            self.capsule(palette.YELLOW, b(80, top + 125), b(80, top + 85), 9)
        elif st.collar == "turtleneck":
            self.fill(st.shirt, [b(-48, top - 30), b(48, top - 30), b(56, top + 20), b(-56, top + 20)])
            self.fill(st.shirt, [b(-56, top + 20), b(56, top + 20), b(70, 340), b(-70, 340)])
        elif st.collar == "cardigan":
            self.fill(st.shirt, [b(x, y + top) for x, y in _oval(62, 34, 2.0, 20) if y >= -4] + [b(-62, top)])
            self.lines(INK, [b(-62, top + 2), b(0, top + 200), b(62, top + 2)], 4)
            for i in range(3):
                self.circle(st.accent, b(0, top + 225 + 42 * i), 9)
        else:
            self.fill(st.accent, [b(-58, top - 6), b(58, top - 6), b(30, top + 60), b(0, top + 140), b(-30, top + 60)])

    def draw_head(self) -> None:
        st, p = self.st, self.p
        hw, hh, exp = st.head
        if st.hair_style == 2:
            back = [q for q in _oval(hw + 24, hh + 12, 2.0, 32) if q[1] <= 0]
            back = sorted(back, key=lambda q: q[0]) + [(hw + 24, 0.6 * hh), (-hw - 24, 0.6 * hh)]
            self.fill(st.hair, [self.head(*q) for q in back])
        for sgn in (-1, 1):
            hidden = max(0.0, p.turn * sgn)
            self.fill(
                st.skin, [self.head(x, y) for x, y in _oval(24 * (1 - 0.7 * hidden), 34, 2.0, 16, sgn * (hw - 4), 8)]
            )
        self.fill(st.skin, [self.head(x, y) for x, y in _oval(hw, hh, exp, 40)])
        smile = _clamp(p.smile)
        if smile > 0.4:
            blush = _mix(st.skin, palette.REDDISH_PURPLE, 0.5 * (smile - 0.4))
            for sgn in (-1, 1):
                self.fill(blush, [self.face(x, y) for x, y in _oval(24, 13, 2.0, 16, sgn * 80, 48)], 0)
        for sgn in (-1, 1):
            self.eye(sgn)
            self.brow(sgn)
        self.nose()
        self.mouth()
        self.hair()
        if st.glasses:
            self.glasses()
        if self.nod > 0.05:  # comic motion marks beside the bobbing head
            for sgn in (-1, 1):
                arc = [self.head(sgn * (hw + 35 + 10 * (1 - u * u)), -30 + 45 * u) for u in (-1, -0.5, 0, 0.5, 1)]
                self.lines(INK, arc, 5)

    def eye(self, sgn: int) -> None:
        p, skin = self.p, self.st.skin
        cx, cy, ry = sgn * 50.0, -5.0, 19.0
        rx = 27 * (1 - 0.25 * abs(p.turn))
        soft = _clamp(p.soft, 0, 1)
        if p.lid > 0.92 or soft > 0.7:  # shut (a blink) or a happy arc
            bend = 4 if p.lid > 0.92 else -12
            self.lines(INK, [self.face(cx + rx * u / 4, cy + 5 + bend * (1 - (u / 4) ** 2)) for u in range(-4, 5)], 5)
            return
        ring = _oval(rx, ry, 2.0, 24)
        ring = ring[18:] + ring[:18]  # start at the top, so the lower part is one run
        self.fill(palette.PANEL, [self.face(cx + x, cy + y) for x, y in ring], 0)
        self.circle(INK, self.face(cx + p.gx * rx * 0.55, cy + p.gy * ry * 0.45), 12 * self.sc * HEAD, 0)
        lid = cy - ry + 2 * ry * _clamp(p.lid, 0, 1)
        self.fill(skin, [self.face(cx + x, min(cy + y, lid)) for x, y in ring], 0)

        def low(x: float) -> float:  # the lower lid, pushed up into an arc by a smile
            return cy + ry - 1.1 * ry * soft * (1 - (x / rx) ** 2)

        if soft > 0.05:
            self.fill(skin, [self.face(cx + x, max(cy + y, low(x))) for x, y in ring], 0)
            self.lines(INK, [self.face(cx + rx * u / 5, low(rx * u / 5)) for u in range(-5, 6)], 3)
        self.lines(INK, [self.face(cx + x, cy + y) for x, y in ring if lid <= cy + y <= low(x) + 0.5], 3)
        half = rx * math.sqrt(max(0.0, 1 - ((lid - cy) / ry) ** 2))
        self.lines(INK, [self.face(cx - half - 3, lid), self.face(cx + half + 3, lid)], 4.5)

    def brow(self, sgn: int) -> None:
        p, t = self.p, self.st.brow_t
        y = -52 - 16 * p.brow
        frown = _clamp(p.frown, 0, 1)
        inner, mid, outer = (sgn * 16, y + 16 * frown), (sgn * 50, y - 7 + 4 * frown), (sgn * 84, y - 6 * frown)
        top = [inner, mid, outer]
        bottom = [(x, yy + t * k) for (x, yy), k in zip(top[::-1], (0.5, 1.0, 1.0), strict=True)]
        self.fill(_mix(self.st.hair, INK, 0.55), [self.face(*q) for q in top + bottom], 2)
        if frown > 0.35:
            self.lines(INK, [self.face(sgn * 9, y + t + 8), self.face(sgn * 6, y + t + 26)], 3)

    def nose(self) -> None:
        n = 24 * self.p.turn
        self.lines(INK, [self.face(n, 2), self.face(n - 12 + 16 * self.p.turn, 38), self.face(n + 10, 42)], 4)

    def mouth(self) -> None:
        p = self.p
        smile, tense = _clamp(p.smile), _clamp(p.tense, 0, 1)
        width, k = 46 * (1 - 0.35 * tense) * (1 + 0.15 * max(0.0, smile)), 22 * smile
        us = [u / 6 for u in range(-6, 7)]
        upper = [(u * width, 84 - k * u * u + 0.4 * k) for u in us]
        opening = 34 * max(_clamp(p.mouth, 0, 1), 0.0)
        if opening > 3:
            lower = [(x, y + opening * (1 - u * u)) for (x, y), u in zip(upper, us, strict=True)]
            self.fill(_mix(INK, palette.VERMILLION, 0.3), [self.face(*q) for q in upper + lower[::-1]], 4)
            teeth = [(x, y + 0.4 * opening * (1 - u * u)) for (x, y), u in zip(upper, us, strict=True)]
            self.fill(palette.PANEL, [self.face(*q) for q in upper + teeth[::-1]], 0)
        else:
            self.lines(INK, [self.face(*q) for q in upper], 6 + 3 * tense)
        if tense > 0.25:
            for sgn in (-1, 1):
                x, y = upper[0 if sgn < 0 else -1]
                self.lines(INK, [self.face(x + sgn * 3, y - 9), self.face(x + sgn * 3, y + 9)], 3)

    def hair(self) -> None:
        st, p = self.st, self.p
        hw, hh, exp = st.head
        shift = 25 * p.turn
        cap = [q for q in _oval(hw + 8, hh + 10, exp, 40) if q[1] < 0]
        cap.sort(key=lambda q: q[0])
        sides, w = (-0.25, -0.25, 0.0) if st.hair_style == 0 else (-0.15, -0.1, 0.0), hw + 8
        if st.hair_style == 2:  # a bob: the fringe runs down past the ears
            sides, w = (0.35, 0.35, -0.2), hw + 14
        part = [(shift + 40, -0.62 * hh), (shift - 10, -0.5 * hh)]
        if st.hair_style == 1:  # swept to one side
            part = [(shift + 0.2 * hw, -0.75 * hh), (shift - 0.4 * hw, -0.45 * hh)]
        elif st.hair_style == 2:
            part = [(hw - 16, sides[2] * hh), (shift, -0.5 * hh), (16 - hw, sides[2] * hh)]
        fringe = [(w, sides[0] * hh), *part, (-w, sides[1] * hh)]
        self.fill(st.hair, [self.head(*q) for q in cap + fringe])

    def glasses(self) -> None:
        for sgn in (-1, 1):
            ring = [self.face(x, y) for x, y in _oval(38, 29, 4.0, 28, sgn * 50, -5)]
            pygame.draw.polygon(self.sf, INK, [self.px(q) for q in ring], self.w(5))
            self.lines(INK, [self.face(sgn * 88, -12), self.head(sgn * self.st.head[0], -18)], 4)
        self.lines(INK, [self.face(-12, -10), self.face(12, -10)], 5)

    def table(self) -> None:
        rect = self.rect
        for y_design, colour in ((TABLE_Y, TABLE), (925.0, TABLE_EDGE)):
            y = round(self.px((0, y_design))[1])
            self.sf.fill(colour, pygame.Rect(rect.left, y, rect.w, rect.bottom - y))
            pygame.draw.line(self.sf, INK, (rect.left, y), (rect.right, y), self.w(4))
        self.notepad()
        phone = ((785.0, 820.0), (850.0, 816.0), (865.0, 895.0), (792.0, 899.0))
        self.fill(INK, list(phone))
        screen = ((0.15, 0.1), (0.85, 0.1), (0.85, 0.85), (0.15, 0.85))
        self.fill(palette.MUTED_INK, [_quad(phone, u, v) for u, v in screen], 0)
        held = (self.p.hold_l, self.p.hold_r)
        if "brochure" not in held:
            self.brochure(HOME["brochure"], 0.0)
        if "price_list" not in held:
            self.price_list(HOME["price_list"], 0.0)
        if "pen" not in held:
            self.pen(HOME["pen"], False)

    def notepad(self) -> None:
        q = ((318.0, 830.0), (452.0, 830.0), (462.0, 910.0), (308.0, 910.0))
        self.fill(PAD, list(q))
        for v in (0.4, 0.6, 0.8):
            self.lines(palette.MUTED_INK, [_quad(q, 0.08, v), _quad(q, 0.92, v)], 2)
        for i in range(6):
            self.circle(INK, _quad(q, 0.1 + 0.16 * i, 0.03), 5, 0)
        for row in range(3):
            done = _clamp(self.notes * 3 - row, 0, 1)
            steps = int(16 * done)
            zigzag = [_quad(q, 0.1 + 0.05 * i, 0.33 + 0.2 * row + (0.05 if i % 2 else -0.03)) for i in range(steps)]
            self.lines(INK, zigzag, 3)

    def brochure(self, g: Point, up: float) -> None:
        """Lying shut on the table (``up`` 0) or held up open by its spine at ``g`` (``up`` 1)."""

        def at(held: Point, flat: Point) -> Point:
            return _lerp((g[0] + flat[0], g[1] + flat[1]), (g[0] + held[0], g[1] + held[1]), up)

        spine_t, spine_b = at((0, -190), (0, -35)), at((0, 0), (8, 35))
        out_t, out_b = at((-150, -175), (-165, -35)), at((-150, 5), (-172, 35))
        right = (spine_t, at((150, -175), (-165, -35)), at((150, 5), (-172, 35)), spine_b)
        left = (out_t, spine_t, spine_b, out_b)
        self.fill(palette.PANEL, list(right))
        for v in (0.3, 0.45, 0.6, 0.75):
            self.lines(palette.MUTED_INK, [_quad(right, 0.15, v), _quad(right, 0.85, v)], 4)
        self.fill(palette.PANEL, list(left))
        self.fill(palette.BLUE, [_quad(left, u, v) for u, v in ((0, 0), (1, 0), (1, 0.32), (0, 0.32))])
        hills = ((0.1, 0.88), (0.4, 0.45), (0.58, 0.7), (0.72, 0.55), (0.92, 0.88))
        self.fill(palette.BLUISH_GREEN, [_quad(left, u, v) for u, v in hills])

    def price_list(self, g: Point, up: float) -> None:
        """A sheet with a price column, lying on the table or held up by its lower corner at ``g``."""

        def at(held: Point, flat: Point) -> Point:
            return _lerp((g[0] + flat[0], g[1] + flat[1]), (g[0] + held[0], g[1] + held[1]), up)

        q = (at((0, -255), (10, -80)), at((175, -245), (150, -80)), at((175, 0), (160, 5)), at((0, 10), (0, 5)))
        self.fill(palette.PANEL, list(q))
        self.lines(INK, [_quad(q, 0.1, 0.1), _quad(q, 0.55, 0.1)], 7)
        euro = [_polar((0.84, 0.1), a, 0.06) for a in range(-40, -330, -30)]  # a € sign beside the title
        self.lines(INK, [_quad(q, u, 0.1 + (v - 0.1) * 0.8) for u, v in euro], 4)
        for v in (0.085, 0.115):
            self.lines(INK, [_quad(q, 0.74, v), _quad(q, 0.86, v)], 3)
        for i in range(5):
            v = 0.3 + 0.13 * i
            self.lines(palette.MUTED_INK, [_quad(q, 0.1, v), _quad(q, 0.55, v)], 3)
            self.lines(INK, [_quad(q, 0.68, v), _quad(q, 0.9, v)], 6)
            self.lines(palette.RULE, [_quad(q, 0.06, v + 0.065), _quad(q, 0.94, v + 0.065)], 2)

    def pen(self, g: Point, held: bool) -> None:
        tip, top = (
            ((g[0] - 14, g[1] + 42), (g[0] + 38, g[1] - 125))
            if held
            else ((g[0] - 48, g[1] + 16), (g[0] + 56, g[1] - 14))
        )
        self.capsule(INK, tip, top, 20)
        self.capsule(palette.YELLOW, _lerp(tip, top, 0.04), top, 12)
        self.capsule(INK, tip, _lerp(tip, top, 0.16), 11)
        self.lines(INK, [_lerp(tip, top, 0.72), _lerp(tip, top, 0.95)], 4)

    def arms(self) -> None:
        for side in ("l", "r"):
            self.arm(side)

    def arm(self, side: str) -> None:
        st, p, sc = self.st, self.p, self.sc
        sgn = -1 if side == "l" else 1
        shoulder = self.body(sgn * (st.shoulders[0] - 34), self.top + 42 + 22 * p.drop)
        hand, spot, pull = (p.hand_l, p.elbow_l, p.pull[0]) if side == "l" else (p.hand_r, p.elbow_r, p.pull[1])
        elbow = _lerp(_elbow(shoulder, hand, 205 * sc, 195 * sc, sgn), spot, _clamp(pull, 0, 1))
        length = math.hypot(hand[0] - elbow[0], hand[1] - elbow[1]) or 1.0
        d = ((hand[0] - elbow[0]) / length, (hand[1] - elbow[1]) / length)
        wrist = (hand[0] - d[0] * 30 * sc, hand[1] - d[1] * 30 * sc)
        self.limb(st.suit, [shoulder, elbow, wrist], 74)
        if st.collar in ("tie", "collar"):
            self.limb(st.shirt, [_lerp(elbow, wrist, 0.9), wrist], 60)
        held = p.hold_l if side == "l" else p.hold_r
        if side == "r":
            self.watch(_lerp(elbow, wrist, 0.85), d, _clamp((TABLE_Y - hand[1]) / 220, 0, 1))
        up = _clamp((HOME[held][1] - hand[1]) / 190, 0, 1) if held else 0.0
        if held == "brochure":
            self.brochure(hand, up)
        elif held == "price_list":
            self.price_list(hand, up)
        self.hand(hand, d, p.palms)
        if held == "pen":
            self.pen(hand, True)

    def watch(self, at: Point, d: Point, up: float) -> None:
        r, sc = 20 + 16 * up, self.sc
        n = (-d[1] * 40 * sc, d[0] * 40 * sc)
        self.capsule(INK, (at[0] + n[0], at[1] + n[1]), (at[0] - n[0], at[1] - n[1]), 24 * sc)
        self.circle(palette.PANEL, at, r * sc, 5)
        self.lines(INK, [(at[0], at[1] - r * 0.7 * sc), at, (at[0] + r * 0.5 * sc, at[1])], 3)

    def hand(self, c: Point, d: Point, palms: float) -> None:
        """A fist with knuckle marks, or an open hand with spread fingers and a thumb."""
        r, base = 36 * self.sc, math.degrees(math.atan2(d[1], d[0]))
        if palms > 0.5:
            for off in (-38, -13, 12, 37, -85):
                self.limb(self.st.skin, [c, _polar(c, base + off, r * (1.45 if off > -50 else 1.15))], 18)
        self.circle(self.st.skin, c, r)
        if palms <= 0.5:
            for off in (-35, 0, 35):
                self.lines(INK, [_polar(c, base + off, r * 0.45), _polar(c, base + off, r * 0.85)], 3)


class Avatar:
    """The customer across the table: ``show`` sets a new target, ``update`` advances time, ``draw`` paints."""

    def __init__(self, typology: str, name: str) -> None:
        self._style = make_style(typology, name)
        self._rng = random.Random(self._style.seed)
        self._cue = "neutral"
        self._move = Move([target_pose("neutral", self._style, 50.0, 0.0, 100.0)], 1.0)
        self._time = self._shown = self._notes = 0.0
        self._patience = 100.0
        self._blink, self._next_blink = -9.0, 1.0 + self._rng.uniform(2.0, 4.0)
        self._glance, self._next_glance = -9.0, 0.0
        self._last: tuple[object, ...] = ()
        self._buffers: dict[str, pygame.Surface] = {}
        self._asked: tuple[str, float, float, float] = ("", 0.0, 0.0, 0.0)

    def show(self, cue: str, trust: float, readiness: float, patience: float) -> None:
        """Ease towards the pose of ``cue`` (unknown cues mean neutral) in the given mood."""
        trust, readiness, patience = (x if math.isfinite(x) else 50.0 for x in (trust, readiness, patience))
        if (cue, trust, readiness, patience) == self._asked and self.animating:
            return  # the same request again while it still plays: let it play on
        self._asked = (cue, trust, readiness, patience)
        self._cue = cue if cue in CUES else "neutral"
        start = self._move.pose()
        path = plan(start, target_pose(self._cue, self._style, trust, readiness, patience))
        total = min(1.6, self._style.tempo * (1 + 0.5 * (len(path) - 1)))
        self._move = Move([start, *path], total / len(path))
        self._shown, self._patience = self._time, patience
        if patience < 40 and self._next_glance < self._time:
            self._next_glance = self._time + self._rng.uniform(1.5, 3.0)

    def update(self, dt: float) -> bool:
        """Advance ``dt`` seconds; True when the picture changed since the previous call."""
        dt = dt if math.isfinite(dt) and dt > 0 else 0.0
        self._time += dt
        self._move.elapsed += dt
        if self._writing():
            self._notes = min(1.0, self._notes + 1.2 * dt)
        if self._time - self._next_blink > 10:  # a long pause: pick up the rhythm again from now
            self._next_blink = self._next_glance = self._time
        while self._time >= self._next_blink:
            self._blink, self._next_blink = self._next_blink, self._next_blink + self._rng.uniform(3.0, 5.0)
        while self._patience < 40 and self._time >= self._next_glance:
            self._glance, self._next_glance = self._next_glance, self._next_glance + self._rng.uniform(4.0, 7.0)
        moving = self.animating or self._bob() > 0
        key = (
            self._time if moving else None,
            self._breath(),
            self._time - self._blink < 0.14,
            self._time - self._glance < 0.7,
        )
        changed, self._last = key != self._last, key
        return changed

    @property
    def animating(self) -> bool:
        """True while a pose change or a cue's gesture (nodding, writing) plays."""
        since = self._time - self._shown
        nodding = self._cue == "nods" and since < self._nod_period() * self._style.nods
        return not self._move.done or nodding or self._writing()

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Paint the current picture into ``rect``, scaled to it; nothing outside ``rect`` is touched."""
        if rect.w < 1 or rect.h < 1:
            return
        big = self._buffer("big", (2 * rect.w, 2 * rect.h))  # drawn twice as large, then smoothed down
        pose = self._pose_now()
        Painter(big, big.get_rect(), self._style, pose, (self._breath() / 2, self._notes, self._bob())).paint()
        small = pygame.transform.smoothscale(big, rect.size, self._buffer("small", rect.size))
        previous = surface.get_clip()
        surface.set_clip(rect.clip(previous))
        try:
            surface.blit(small, rect)
        finally:
            surface.set_clip(previous)

    def _buffer(self, key: str, size: tuple[int, int]) -> pygame.Surface:
        buffer = self._buffers.get(key)
        if buffer is None or buffer.get_size() != size:
            buffer = self._buffers[key] = pygame.Surface(size, 0, 32)
        return buffer

    def _nod_period(self) -> float:
        return 0.35 + 0.25 * self._style.tempo

    def _bob(self) -> float:
        """How far down the head is in a nod, 0..1: a few nods after the cue, then one every four seconds."""
        if self._cue != "nods":
            return 0.0
        period, since = self._nod_period(), self._time - self._shown
        first = period * self._style.nods
        phase = since if since < first else (since - first) % 4.0 - (4.0 - period)
        return 0.5 * (1 - math.cos(2 * math.pi * phase / period)) if phase > 0 else 0.0

    def _writing(self) -> bool:
        since = self._time - self._shown - self._move.duration
        return self._cue == "takes_notes" and 0 <= since < 0.8

    def _breath(self) -> int:
        return round(2 * math.sin(2 * math.pi * self._time / (3 + 2 * self._style.tempo)))

    def _pose_now(self) -> Pose:
        pose = self._move.pose()
        if self._cue == "nods":
            pose = replace(pose, chin=pose.chin - 0.5 * self._bob())
        if self._writing():
            t = self._time - self._shown
            x, y = pose.hand_l
            pose = replace(pose, hand_l=(x + 10 * math.sin(2 * math.pi * 6 * t), y + 5 * math.sin(2 * math.pi * 3 * t)))
        if self._time - self._glance < 0.7:
            pose = replace(pose, gx=0.9, gy=0.9)
        if self._time - self._blink < 0.14:
            pose = replace(pose, lid=1.0)
        return pose
