import {
  addValues,
  divideValues,
  moduloValues,
  multiplyValues,
  negateValue,
  percentValue,
  subtractValues,
} from './arithmetic';
import type { BinaryOperator, ExpressionNode } from './ast';
import { CalculatorError, quote } from './calculator-error';
import type { ResolvedCalculatorLimits } from './limits';
import { numberLiteralToRational } from './number-literal';
import { powerValues } from './power';
import { resolveCall, resolveIdentifier } from './resolve-names';
import type { TimeBudget } from './time-budget';
import { exactValue, type NumericValue } from './value';
import { enforceValueSize } from './value-size';

export interface EvaluationContext {
  readonly limits: ResolvedCalculatorLimits;
  readonly budget: TimeBudget;
}

/**
 * Evaluates a parsed expression, left operand before right. Every computed value passes the
 * maxNumberBits check and every node visit ticks the time budget. Long flat chains
 * (`1+1+1+...`, `5%%%...`) are walked with loops rather than recursion, so recursion depth is
 * bounded by maxNestingDepth, not by the expression length.
 */
export function evaluate(node: ExpressionNode, context: EvaluationContext): NumericValue {
  context.budget.step();
  switch (node.type) {
    case 'number': {
      const value = exactValue(numberLiteralToRational(node.text, node.position, context.limits));
      return enforceValueSize(value, context.limits, `the number ${quote(node.text)} at position ${node.position}`, node.position);
    }
    case 'identifier':
      return resolveIdentifier(node.name, node.position);
    case 'call': {
      const call = resolveCall(node.name, node.args.length, node.position);
      const args = node.args.map((arg) => evaluate(arg, context));
      context.budget.check();
      const result = call.apply(args, { name: node.name, position: node.position, limits: context.limits });
      return enforceValueSize(result, context.limits, `the result of ${node.name}() at position ${node.position}`, node.position);
    }
    case 'unary': {
      const operand = evaluate(node.operand, context);
      return node.operator === '-' ? negateValue(operand) : operand;
    }
    case 'percent':
      return evaluatePercentChain(node, context);
    case 'binary':
      return evaluateBinaryChain(node, context);
  }
}

type BinaryNode = Extract<ExpressionNode, { type: 'binary' }>;

function evaluateBinaryChain(node: BinaryNode, context: EvaluationContext): NumericValue {
  const spine: BinaryNode[] = [];
  let leftmost: ExpressionNode = node;
  while (leftmost.type === 'binary') {
    spine.push(leftmost);
    leftmost = leftmost.left;
  }
  let accumulator = evaluate(leftmost, context);
  for (let i = spine.length - 1; i >= 0; i -= 1) {
    const step = spine[i] as BinaryNode;
    context.budget.step();
    const right = evaluate(step.right, context);
    const result = applyBinary(step.operator, accumulator, right, step.position, context);
    accumulator = enforceValueSize(
      result,
      context.limits,
      `the result of '${step.operator}' at position ${step.position}`,
      step.position,
    );
  }
  return accumulator;
}

function evaluatePercentChain(node: ExpressionNode, context: EvaluationContext): NumericValue {
  const positions: number[] = [];
  let inner = node;
  while (inner.type === 'percent') {
    positions.push(inner.position);
    inner = inner.operand;
  }
  let value = evaluate(inner, context);
  for (let i = positions.length - 1; i >= 0; i -= 1) {
    context.budget.step();
    const position = positions[i] as number;
    value = enforceValueSize(percentValue(value), context.limits, `the percentage at position ${position}`, position);
  }
  return value;
}

function applyBinary(
  operator: BinaryOperator,
  left: NumericValue,
  right: NumericValue,
  position: number,
  context: EvaluationContext,
): NumericValue {
  switch (operator) {
    case '+':
      return addValues(left, right);
    case '-':
      return subtractValues(left, right);
    case '*':
      return multiplyValues(left, right);
    case '/':
      return divideValues(left, right, position);
    case '%':
      return moduloValues(left, right, position);
    case '^':
      context.budget.check();
      return powerValues(left, right, position, context.limits);
    default:
      throw new CalculatorError('INTERNAL', `unsupported operator ${String(operator)}`, position);
  }
}
