import type { SeededRandom } from '../random/seeded-random';
import { CalculationBuilder } from './calculation-builder';

/** What a story template produces before it is numbered and turned into a plan. */
export interface MathDraft {
  readonly question: string;
  readonly calculation: CalculationBuilder;
}

export interface MathTemplate {
  readonly id: string;
  /** Held-out templates are used only in dev and test, so those stories cannot be memorised. */
  readonly heldOut: boolean;
  build(random: SeededRandom, name: string): MathDraft;
}

/** Smallest x >= 1 with (total - x) divisible by `by`, plus a random multiple of `by`, kept below total. */
function remainderFor(random: SeededRandom, total: number, by: number): number {
  const base = total % by === 0 ? by : total % by;
  const extra = by * random.int(0, 2);
  return base + extra < total ? base + extra : base;
}

export const MATH_TEMPLATES: readonly MathTemplate[] = Object.freeze([
  {
    id: 'shopping-change',
    heldOut: false,
    build(random, name) {
      const [a, p, b, q] = [random.int(2, 9), random.int(2, 12), random.int(2, 9), random.int(1, 5)];
      const bill = [50, 100, 200].find((note) => note > a * p + b * q) ?? 500;
      const c = new CalculationBuilder();
      const notebooks = c.add('First, the cost of the notebooks.', a, '*', p);
      const pens = c.add('Next, the cost of the pens.', b, '*', q);
      const total = c.add('Now the total cost.', notebooks, '+', pens);
      c.add('The change is the bill minus the total.', bill, '-', total);
      return { question: `${name} buys ${a} notebooks at $${p} each and ${b} pens at $${q} each, and pays with a $${bill} bill. How much change does ${name} get, in dollars?`, calculation: c };
    },
  },
  {
    id: 'travel-distance',
    heldOut: false,
    build(random, name) {
      const [h1, v1, h2, v2] = [random.int(2, 6), random.int(4, 12) * 10, random.int(1, 5), random.int(3, 11) * 10];
      const c = new CalculationBuilder();
      const first = c.add('First, the distance of the first part.', h1, '*', v1);
      const second = c.add('Next, the distance of the second part.', h2, '*', v2);
      c.add('The total distance is the sum.', first, '+', second);
      return { question: `${name} drives for ${h1} hours at ${v1} km per hour, then for ${h2} hours at ${v2} km per hour. How many kilometres does ${name} drive in total?`, calculation: c };
    },
  },
  {
    id: 'work-savings',
    heldOut: false,
    build(random, name) {
      const [wage, hours, days] = [random.int(9, 30), random.int(4, 9), random.int(3, 12)];
      const rent = random.int(2, Math.floor((wage * hours * days) / 10)) * 10 - 5;
      const c = new CalculationBuilder();
      const daily = c.add('First, the pay for one day.', wage, '*', hours);
      const earned = c.add('Next, the pay for all the days.', daily, '*', days);
      c.add('What is left after the rent.', earned, '-', rent);
      return { question: `${name} earns $${wage} per hour and works ${hours} hours a day. After ${days} days, ${name} pays $${rent} of rent. How many dollars are left?`, calculation: c };
    },
  },
  {
    id: 'savings-half',
    heldOut: false,
    build(random, name) {
      const [perWeek, weeks] = [random.int(5, 40), random.int(3, 20)];
      const gift = random.int(5, 60) * 2 + ((perWeek * weeks) % 2);
      const c = new CalculationBuilder();
      const saved = c.add('First, the savings from all the weeks.', perWeek, '*', weeks);
      const total = c.add('Add the gift.', saved, '+', gift);
      c.add('Half of it is spent, so half is left.', total, '/', 2);
      return { question: `${name} saves $${perWeek} every week for ${weeks} weeks and then gets a gift of $${gift}. ${name} spends half of the money on a bike. How many dollars are left?`, calculation: c };
    },
  },
  {
    id: 'garden-share',
    heldOut: false,
    build(random, name) {
      const [rows, perRow, neighbours] = [random.int(3, 12), random.int(4, 15), random.int(2, 6)];
      const died = remainderFor(random, rows * perRow, neighbours);
      const c = new CalculationBuilder();
      const planted = c.add('First, the number of plants.', rows, '*', perRow);
      const alive = c.add('Remove the plants that died.', planted, '-', died);
      c.add('Share the rest equally.', alive, '/', neighbours);
      return { question: `${name}'s garden has ${rows} rows of ${perRow} tomato plants. ${died} plants die, and the rest are shared equally among ${neighbours} neighbours. How many plants does each neighbour get?`, calculation: c };
    },
  },
  {
    id: 'event-profit',
    heldOut: false,
    build(random, name) {
      const [adults, adultPrice, children, childPrice, volunteers] = [random.int(10, 60), random.int(8, 25), random.int(5, 40), random.int(3, 10), random.int(2, 8)];
      const income = adults * adultPrice + children * childPrice;
      const withExtra = remainderFor(random, income, volunteers) + volunteers * random.int(5, 20);
      const costs = withExtra < income ? withExtra : remainderFor(random, income, volunteers);
      const c = new CalculationBuilder();
      const fromAdults = c.add('First, the income from adult tickets.', adults, '*', adultPrice);
      const fromChildren = c.add('Next, the income from child tickets.', children, '*', childPrice);
      const total = c.add('The total income.', fromAdults, '+', fromChildren);
      const profit = c.add('Subtract the costs to get the profit.', total, '-', costs);
      c.add('Split the profit equally.', profit, '/', volunteers);
      return { question: `${name} runs a school play. ${adults} adult tickets sell at $${adultPrice} and ${children} child tickets at $${childPrice}. The costs are $${costs}, and the profit is split equally among ${volunteers} volunteers. How many dollars does each volunteer get?`, calculation: c };
    },
  },
  {
    id: 'factory-boxes',
    heldOut: false,
    build(random, name) {
      const [perHour, hours, days, boxSize, price] = [random.int(10, 40), random.int(6, 10), random.int(3, 7), random.int(4, 12), random.int(5, 30)];
      const faulty = remainderFor(random, perHour * hours, boxSize);
      const c = new CalculationBuilder();
      const daily = c.add('First, the toys made per day.', perHour, '*', hours);
      const made = c.add('Next, the toys made over all the days.', daily, '*', days);
      const bad = c.add('The faulty toys over all the days.', faulty, '*', days);
      const good = c.add('The good toys.', made, '-', bad);
      const boxes = c.add('The number of full boxes.', good, '/', boxSize);
      c.add('The money from selling the boxes.', boxes, '*', price);
      return { question: `${name}'s factory makes ${perHour} toys per hour and runs ${hours} hours a day for ${days} days. Each day ${faulty} toys are faulty. The good toys are packed in boxes of ${boxSize}, and each box sells for $${price}. How many dollars do the boxes bring in?`, calculation: c };
    },
  },
  {
    id: 'recipe-bags',
    heldOut: true,
    build(random, name) {
      const [grams, batch, batches] = [random.int(2, 8) * 50, random.int(2, 6) * 6, random.int(2, 8)];
      const flour = grams * batches;
      const bags = random.pick([2, 3, 4, 5, 6].filter((n) => flour % n === 0 && flour / n >= 100));
      const bagSize = flour / bags;
      const c = new CalculationBuilder();
      const times = c.add('First, how many times the recipe is made.', batch * batches, '/', batch);
      const needed = c.add('Next, the flour needed.', times, '*', grams);
      c.add('Then the number of bags.', needed, '/', bagSize);
      return { question: `A recipe needs ${grams} grams of flour for ${batch} cookies. ${name} wants to bake ${batch * batches} cookies. Flour comes in bags of ${bagSize} grams. How many bags does ${name} need?`, calculation: c };
    },
  },
  {
    id: 'fuel-cost',
    heldOut: true,
    build(random, name) {
      const [litres, hundreds, price] = [random.int(4, 12), random.int(2, 15), random.int(1, 3)];
      const c = new CalculationBuilder();
      const units = c.add('First, how many hundreds of kilometres.', hundreds * 100, '/', 100);
      const fuel = c.add('Next, the fuel used.', units, '*', litres);
      c.add('Then the cost of the fuel.', fuel, '*', price);
      return { question: `${name}'s car uses ${litres} litres of fuel per 100 km. ${name} drives ${hundreds * 100} km, and fuel costs $${price} per litre. How many dollars does the fuel cost?`, calculation: c };
    },
  },
  {
    id: 'shared-dinner',
    heldOut: true,
    build(random, name) {
      const [friends, tip] = [random.int(2, 8), random.int(5, 30)];
      const bill = friends * random.int(20, 40) - tip;
      const c = new CalculationBuilder();
      const total = c.add('First, the bill with the tip.', bill, '+', tip);
      c.add('Then each share.', total, '/', friends);
      return { question: `${name} and friends, ${friends} people in all, share a dinner that costs $${bill} and add a tip of $${tip}. They split it equally. How many dollars does each person pay?`, calculation: c };
    },
  },
]);
