/**
 * Expression tree produced by the parser. Every node records the 1-based position of the token
 * it came from (the operator for unary/binary nodes) so evaluation errors can point at it.
 * Operator aliases are already normalised (× is '*', ** is '^', ...).
 */
export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '^';

export type ExpressionNode =
  | { readonly type: 'number'; readonly text: string; readonly position: number }
  | { readonly type: 'identifier'; readonly name: string; readonly position: number }
  | {
      readonly type: 'call';
      readonly name: string;
      readonly args: readonly ExpressionNode[];
      readonly position: number;
    }
  | {
      readonly type: 'unary';
      readonly operator: '+' | '-';
      readonly operand: ExpressionNode;
      readonly position: number;
    }
  | { readonly type: 'percent'; readonly operand: ExpressionNode; readonly position: number }
  | {
      readonly type: 'binary';
      readonly operator: BinaryOperator;
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
      readonly position: number;
    };
