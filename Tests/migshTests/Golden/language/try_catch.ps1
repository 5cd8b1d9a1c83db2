try {
    'in try'
    throw 'first failure'
    'not reached'
} catch {
    "caught: $_"
    "message: $($_.Exception.Message)"
    "id: $($_.FullyQualifiedErrorId)"
} finally {
    'finally ran'
}
try { 1 / 0 } catch [System.DivideByZeroException] { 'divide caught by type' } catch { 'wrong clause' }
try { $null.Missing() } catch [System.IO.IOException] { 'wrong clause' } catch { "generic: $($_.Exception.Message)" }
try { [int]'abc' } catch { 'cast caught' }
try {
    try { throw 'inner' } finally { 'inner finally' }
} catch { "outer caught: $_" }
try { throw 'rethrown' } catch { try { throw $_ } catch { "second catch: $_" } }
function Fail-Deep { throw 'from function' }
try { Fail-Deep } catch { "caught across call: $_" }
foreach ($i in 1..3) { try { if ($i -eq 2) { continue }; "iteration $i" } finally { "cleanup $i" } }
'before uncaught'
throw 'Batch not found'
'never printed'
