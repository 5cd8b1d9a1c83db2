/// pwsh's parse error ids and message templates (`{0}` is the argument).
/// Ids and texts match pwsh's ParserStrings so scripts and tests can rely on them.
enum ParseMessage: String {
    case terminatorExpectedAtEndOfString = "TerminatorExpectedAtEndOfString"
    case unexpectedToken = "UnexpectedToken"
    case missingEndCurlyBrace = "MissingEndCurlyBrace"
    case missingEndParenthesisInExpression = "MissingEndParenthesisInExpression"
    case missingEndParenthesisInMethodCall = "MissingEndParenthesisInMethodCall"
    case missingEndParenthesisInSubexpression = "MissingEndParenthesisInSubexpression"
    case incompleteDollarSubexpressionReference = "IncompleteDollarSubexpressionReference"
    case expectedValueExpression = "ExpectedValueExpression"
    case expectedExpression = "ExpectedExpression"
    case missingExpressionAfterOperator = "MissingExpressionAfterOperator"
    case missingExpressionAfterToken = "MissingExpressionAfterToken"
    case missingExpression = "MissingExpression"
    case missingArgument = "MissingArgument"
    case parameterRequiresArgument = "ParameterRequiresArgument"
    case emptyPipeElement = "EmptyPipeElement"
    case expressionsMustBeFirstInPipeline = "ExpressionsMustBeFirstInPipeline"
    case redirectionNotSupported = "RedirectionNotSupported"
    case missingFileSpecification = "MissingFileSpecification"
    case missingFilenameOption = "MissingFilenameOption"
    case missingEqualsInHashLiteral = "MissingEqualsInHashLiteral"
    case missingStatementInHashLiteral = "MissingStatementInHashLiteral"
    case duplicateKeyInHashLiteral = "DuplicateKeyInHashLiteral"
    case invalidLeftHandSide = "InvalidLeftHandSide"
    case missingStatementBlock = "MissingStatementBlock"
    case missingOpenParenthesisInIfStatement = "MissingOpenParenthesisInIfStatement"
    case ifStatementMissingCondition = "IfStatementMissingCondition"
    case missingEndParenthesisAfterStatement = "MissingEndParenthesisAfterStatement"
    case missingStatementBlockAfterElse = "MissingStatementBlockAfterElse"
    case missingForeachStatement = "MissingForeachStatement"
    case missingInInForeach = "MissingInInForeach"
    case missingVariableNameAfterForeach = "MissingVariableNameAfterForeach"
    case missingEndParenthesisAfterForeach = "MissingEndParenthesisAfterForeach"
    case missingForeachExpression = "MissingForeachExpression"
    case missingLoopStatement = "MissingLoopStatement"
    case missingOpenParenthesisAfterKeyword = "MissingOpenParenthesisAfterKeyword"
    case missingExpressionAfterKeyword = "MissingExpressionAfterKeyword"
    case missingWhileOrUntilInDoWhile = "MissingWhileOrUntilInDoWhile"
    case missingTryStatementBlock = "MissingTryStatementBlock"
    case missingCatchOrFinally = "MissingCatchOrFinally"
    case missingCatchHandlerBlock = "MissingCatchHandlerBlock"
    case missingFinallyStatementBlock = "MissingFinallyStatementBlock"
    case missingCurlyBraceInSwitchStatement = "MissingCurlyBraceInSwitchStatement"
    case missingSwitchConditionExpression = "MissingSwitchConditionExpression"
    case missingSwitchStatementClause = "MissingSwitchStatementClause"
    case invalidSwitchFlag = "InvalidSwitchFlag"
    case missingFunctionBody = "MissingFunctionBody"
    case missingNameAfterKeyword = "MissingNameAfterKeyword"
    case missingEndParenthesisInFunctionParameterList = "MissingEndParenthesisInFunctionParameterList"
    case onlyOneParameterListAllowed = "OnlyOneParameterListAllowed"
    case duplicateFormalParameter = "DuplicateFormalParameter"
    case missingTerminatorMultiLineComment = "MissingTerminatorMultiLineComment"
    case incompleteString = "IncompleteString"
    case unexpectedCharactersAfterHereStringHeader = "UnexpectedCharactersAfterHereStringHeader"
    case whitespaceBeforeHereStringFooter = "WhitespaceBeforeHereStringFooter"
    case emptyVariableReference = "EmptyVariableReference"
    case invalidVariableReference = "InvalidVariableReference"
    case invalidVariableReferenceWithDrive = "InvalidVariableReferenceWithDrive"
    case splattingNotPermitted = "SplattingNotPermitted"
    case missingTypename = "MissingTypename"
    case endSquareBracketExpectedAtEndOfType = "EndSquareBracketExpectedAtEndOfType"
    case endSquareBracketExpectedAtEndOfAttribute = "EndSquareBracketExpectedAtEndOfAttribute"
    case missingEndSquareBracket = "MissingEndSquareBracket"
    case missingArrayIndexExpression = "MissingArrayIndexExpression"
    case missingPropertyName = "MissingPropertyName"
    case badNumericConstant = "BadNumericConstant"
    case unexpectedAttribute = "UnexpectedAttribute"
    case missingExpressionInNamedArgument = "MissingExpressionInNamedArgument"
    // migsh's own, for constructs outside the supported subset and for runaway nesting.
    case unsupportedConstruct = "UnsupportedConstruct"
    case scriptNestingTooDeep = "ScriptNestingTooDeep"

    var template: String {
        switch self {
        case .terminatorExpectedAtEndOfString: return "The string is missing the terminator: {0}."
        case .unexpectedToken: return "Unexpected token '{0}' in expression or statement."
        case .missingEndCurlyBrace: return "Missing closing '}' in statement block or type definition."
        case .missingEndParenthesisInExpression: return "Missing closing ')' in expression."
        case .missingEndParenthesisInMethodCall: return "Missing ')' in method call."
        case .missingEndParenthesisInSubexpression: return "Missing closing ')' in subexpression."
        case .incompleteDollarSubexpressionReference: return "$(subexpression) is missing the closing ')'."
        case .expectedValueExpression: return "You must provide a value expression following the '{0}' operator."
        case .expectedExpression: return "An expression was expected after '('."
        case .missingExpressionAfterOperator: return "Missing expression after unary operator '{0}'."
        case .missingExpressionAfterToken: return "Missing expression after '{0}'."
        case .missingExpression: return "Missing expression after '{0}' in pipeline element."
        case .missingArgument: return "Missing argument in parameter list."
        case .parameterRequiresArgument: return "Parameter {0} requires an argument."
        case .emptyPipeElement: return "An empty pipe element is not allowed."
        case .expressionsMustBeFirstInPipeline: return "Expressions are only allowed as the first element of a pipeline."
        case .redirectionNotSupported: return "The '{0}' operator is reserved for future use."
        case .missingFileSpecification: return "Missing file specification after redirection operator."
        case .missingFilenameOption: return "Cannot process the 'switch' statement because of a missing file name argument to the -file option."
        case .missingEqualsInHashLiteral: return "Missing '=' operator after key in hash literal."
        case .missingStatementInHashLiteral: return "Missing statement after '=' in hash literal."
        case .duplicateKeyInHashLiteral: return "Duplicate keys '{0}' are not allowed in hash literals."
        case .invalidLeftHandSide:
            return "The assignment expression is not valid. The input to an assignment operator must be an object "
                + "that is able to accept assignments, such as a variable or a property."
        case .missingStatementBlock: return "Missing statement block after {0} ( condition )."
        case .missingOpenParenthesisInIfStatement: return "Missing '(' after '{0}' in if statement."
        case .ifStatementMissingCondition: return "Missing condition in if statement after '{0} ('."
        case .missingEndParenthesisAfterStatement: return "Missing closing ')' after expression in '{0}' statement."
        case .missingStatementBlockAfterElse: return "Missing statement block after 'else' keyword."
        case .missingForeachStatement: return "Missing statement body in foreach loop." + ParseMessage.foreachForm
        case .missingInInForeach: return "Missing 'in' after variable in foreach loop." + ParseMessage.foreachForm
        case .missingVariableNameAfterForeach: return "Missing variable name after foreach." + ParseMessage.foreachForm
        case .missingEndParenthesisAfterForeach:
            return "Missing closing ')' after expression part of foreach loop." + ParseMessage.foreachForm
        case .missingForeachExpression: return "Missing expression in foreach loop." + ParseMessage.foreachForm
        case .missingLoopStatement: return "Missing statement body in {0} loop."
        case .missingOpenParenthesisAfterKeyword: return "Missing opening '(' after keyword '{0}'."
        case .missingExpressionAfterKeyword: return "Missing expression after '{0}' in loop."
        case .missingWhileOrUntilInDoWhile: return "Missing while or until keyword in do loop."
        case .missingTryStatementBlock: return "The Try statement is missing its statement block."
        case .missingCatchOrFinally: return "The Try statement is missing its Catch or Finally block."
        case .missingCatchHandlerBlock: return "The Catch block is missing its statement block."
        case .missingFinallyStatementBlock: return "The Finally block is missing its statement block."
        case .missingCurlyBraceInSwitchStatement: return "Missing '{' in switch statement."
        case .missingSwitchConditionExpression: return "Missing condition in switch statement clause."
        case .missingSwitchStatementClause: return "Missing statement block in switch statement clause."
        case .invalidSwitchFlag: return "The parameter {0} is not valid for the switch statement."
        case .missingFunctionBody: return "Missing function body in function declaration."
        case .missingNameAfterKeyword: return "Missing name after {0} keyword."
        case .missingEndParenthesisInFunctionParameterList: return "Missing ')' in function parameter list."
        case .onlyOneParameterListAllowed:
            return "The param statement cannot be used if arguments were specified in the function declaration."
        case .duplicateFormalParameter: return "Duplicate parameter ${0} in parameter list."
        case .missingTerminatorMultiLineComment: return "The terminator '#>' is missing from the multiline comment."
        case .incompleteString: return "Incomplete string token."
        case .unexpectedCharactersAfterHereStringHeader:
            return "No characters are allowed after a here-string header but before the end of the line."
        case .whitespaceBeforeHereStringFooter: return "White space is not allowed before the string terminator."
        case .emptyVariableReference: return "An empty ${} variable reference was found. A name is required inside the braces."
        case .invalidVariableReference:
            return "Variable reference is not valid. '$' was not followed by a valid variable name character. "
                + "Consider using ${} to delimit the name."
        case .invalidVariableReferenceWithDrive:
            return "Variable reference is not valid. ':' was not followed by a valid variable name character. "
                + "Consider using ${} to delimit the name."
        case .splattingNotPermitted:
            return "The splatting operator '@' cannot be used to reference variables in an expression. "
                + "'@{0}' can be used only as an argument to a command. To reference variables in an expression use '${0}'."
        case .missingTypename: return "Missing type name after '['."
        case .endSquareBracketExpectedAtEndOfType: return "Missing ] at end of type token."
        case .endSquareBracketExpectedAtEndOfAttribute: return "Missing ] at end of attribute or type literal."
        case .missingEndSquareBracket: return "Missing ']' after array index expression."
        case .missingArrayIndexExpression: return "Array index expression is missing or not valid."
        case .missingPropertyName: return "Missing property name after reference operator."
        case .badNumericConstant: return "The numeric constant {0} is not valid."
        case .unexpectedAttribute: return "Unexpected attribute '{0}'."
        case .missingExpressionInNamedArgument: return "Missing statement after '=' in named argument."
        case .unsupportedConstruct: return "{0} is not supported by migsh."
        case .scriptNestingTooDeep:
            return "The script is nested too deeply to parse (more than {0} levels of brackets, blocks or operators)."
        }
    }

    private static let foreachForm = "\nThe correct form is: foreach ($a in $b) {...}"

    func text(_ arg: String? = nil) -> String {
        guard let arg else { return template }
        var out = ""
        var rest = Substring(template)
        while let r = rest.firstRange(of: "{0}") {
            out += rest[..<r.lowerBound]
            out += arg
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
