import { useState } from 'react';

/** One chart of a group, as the group drives it. */
export interface ChartGroupMember {
  /** Puts this chart's crosshair (and legend) at `time`, a time of the group's charts, or takes it away. */
  showAt(time: string | undefined): void;
  /** The width its price scale takes now, in CSS pixels (0 before it is drawn). */
  priceScaleWidth(): number;
  /** Gives its price scale at least `width` pixels. */
  reservePriceScaleWidth(width: number): void;
}

/**
 * The charts of one screen that read together (equity and drawdown; later the price chart): a crosshair moved
 * on one moves to the same time on the others, and their price scales take the width of the widest, so their
 * plots start and end at the same x and one time sits at one x in all of them.
 *
 * lightweight-charts has no groups: this is its crosshair-syncing recipe (`subscribeCrosshairMove` on each,
 * `setCrosshairPosition` / `clearCrosshairPosition` on the others), which fires no event on the charts it
 * moves, so it cannot loop.
 */
export class ChartGroup {
  readonly #members = new Set<ChartGroupMember>();

  /** Adds `member`; the returned function takes it out again. */
  join(member: ChartGroupMember): () => void {
    this.#members.add(member);
    return () => {
      this.#members.delete(member);
    };
  }

  /** The person moved the crosshair of `source` to `time` (undefined: it left the chart). */
  moved(source: ChartGroupMember, time: string | undefined): void {
    for (const member of this.#members) if (member !== source) member.showAt(time);
  }

  /**
   * Gives every price scale the width of the widest (called when a chart is drawn or resized). Widths only
   * grow, as lightweight-charts' own do, so this settles after one round.
   */
  alignPriceScales(): void {
    const widest = Math.max(0, ...[...this.#members].map((member) => member.priceScaleWidth()));
    if (widest === 0) return;
    for (const member of this.#members) {
      if (member.priceScaleWidth() < widest) member.reservePriceScaleWidth(widest);
    }
  }
}

/** A group for the charts a component draws, kept for the component's life. */
export function useChartGroup(): ChartGroup {
  const [group] = useState(() => new ChartGroup());
  return group;
}
