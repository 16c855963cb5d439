#!/usr/bin/env python3
"""Where the server's busy time goes, from dotnet-trace speedscope files (sampled thread time),
as docs/benchmarks.md reports it. Idle threads (waiting in the thread pool, epoll, timers) are
dropped; each remaining sample is charged to the innermost frame of a known library; the thread
pool's spin-waiting is counted apart.

  python3 bench/profile/shares.py FILE...                  per file: every category's share
  python3 bench/profile/shares.py --table LABEL=FILE ...   one Markdown row per file (the grouped columns)
  python3 bench/profile/shares.py --tops REGEX FILE        the busiest caller -> callee pairs entering frames matching REGEX
  python3 bench/profile/shares.py --inclusive FILE         busy time under each layer of the host (inclusive, % of busy)
"""

import json, sys, re, collections
WAIT = re.compile(r'LowLevelLifoSemaphore::Wait|WaitHandle::Wait|Monitor::Wait|SocketAsyncEngine::EventLoop|ManualResetEventSlim::Wait|Thread::Sleep|SemaphoreSlim::Wait|WaitOneCore|WaitForSignal|TimerQueue::TimerThread|PortableThreadPool\+GateThread|Thread::StartCore|WaitSubsystem|LowLevelMonitor|ThreadPoolWorkQueue::Dispatch\(\)$|BlockingCollection|Console|EventPipe|DiagnosticServer|FileSystemWatcher|Inotify|LowLevelSpinWaiter')
CATS = [
    ('SQLite (native, via SQLitePCL)', re.compile(r'SQLitePCL|sqlite3')),
    ('socket send (kernel)', re.compile(r'SocketPal\.|Interop\+Sys\.Send')),
    ('EF Core: SaveChanges / change tracking', re.compile(r'EntityFrameworkCore\.(ChangeTracking|Update)|SaveChanges|StateManager|InternalEntityEntry')),
    ('EF Core: query (compile, cache, materialise)', re.compile(r'EntityFrameworkCore\.(Query|Storage|Sqlite\.Query|Relational)|System\.Linq\.Expressions|ExpressionEqualityComparer|RelationalCommand')),
    ('EF Core: context creation / DI scope', re.compile(r'EntityFrameworkCore\.Internal|DbContext::\.ctor|DbContextServices|DbContextOptions|Microsoft\.Extensions\.DependencyInjection|ServiceProvider')),
    ('Microsoft.Data.Sqlite (ADO.NET)', re.compile(r'Microsoft\.Data\.Sqlite')),
    ('JWT bearer validation', re.compile(r'IdentityModel|JsonWebToken|JwtBearer|Authentication\.AuthenticationHandler|ClaimsIdentity|ClaimsPrincipal')),
    ('audit entry (clean, hash, chain)', re.compile(r'AuditText|AuditChain|AuditLog::Chain|SHA256|HashAlgorithm')),
    ('logging', re.compile(r'Microsoft\.Extensions\.Logging')),
    ('telemetry middleware / metrics', re.compile(r'RpcMetricsMiddleware|System\.Diagnostics\.Metrics|Histogram')),
    ('protobuf (parse, serialise)', re.compile(r'Google\.Protobuf')),
    ('Kestrel / HTTP/2 / sockets', re.compile(r'Kestrel|System\.Net\.Sockets|Http2|System\.IO\.Pipelines')),
    ('grpc-dotnet', re.compile(r'Grpc\.AspNetCore|Grpc\.Shared|Grpc\.Core')),
    ('OffenderMgmt (our code: pipeline, services, rules)', re.compile(r'^OffenderMgmt')),
    ('ASP.NET Core (routing, middleware)', re.compile(r'Microsoft\.AspNetCore')),
]
def main(path):
    d = json.load(open(path))
    frames = [f['name'] for f in d['shared']['frames']]
    busy = collections.Counter(); writer = collections.Counter(); total_busy = 0; idle = 0
    for prof in d['profiles']:
        if prof.get('type') == 'evented':
            stack = []; last = None
            for ev in prof['events']:
                t = ev['at']
                if last is not None and stack:
                    charge(stack, t - last, frames, busy, writer)
                last = t
                if ev['type'] == 'O': stack.append(ev['frame'])
                else:
                    if stack: stack.pop()
        else:  # sampled
            for s, w in zip(prof['samples'], prof['weights']): charge(s, w, frames, busy, writer)
    total = sum(busy.values())
    print(f'{path}: busy {total:.0f} ms')
    for k, v in busy.most_common(): print(f'  {100*v/total:5.1f}%  {k}')
    wt = sum(writer.values())
    print(f'  of which in the audit writer loop: {100*wt/total:.1f}%')
    for k, v in writer.most_common(6): print(f'      {100*v/total:5.1f}%  {k}')
SPIN = re.compile(r'LowLevelLifoSemaphore|WorkerThread\.WorkerThreadStart|WaitHandle\.Wait|Monitor\.Wait|TimerQueue\.TimerThread|GateThread|Thread\.StartCallback')
NATIVE_WORK = re.compile(r'SQLitePCL|sqlite3|SocketPal\.(TryCompleteSend|SysSend|Send)|Interop\+Sys\.(Send|Write|FSync)|RandomAccess|FileStream')
def charge(stack, w, frames, busy, writer):
    names = [frames[i] for i in stack]
    names = [n for n in names if '!' in n or n in ('CPU_TIME', 'UNMANAGED_CODE_TIME', '?!?')]
    if not names: return
    leaf = names[-1]
    parent = names[-2] if len(names) > 1 else ''
    # The finalizer thread waits for work in the runtime, which the sampler reports as CPU time.
    if parent.endswith('System.GC.RunFinalizers()'): return
    if leaf == 'UNMANAGED_CODE_TIME':
        if not NATIVE_WORK.search(parent): return   # a thread blocked or idle in native code
    elif leaf != 'CPU_TIME':
        return
    text = '\n'.join(names)
    if SPIN.search(parent) and not re.search(r'OffenderMgmt|Kestrel|Grpc|EntityFramework', text):
        busy['thread pool spinning / waiting'] += w; return
    cat = 'other (runtime, collections, tasks)'
    for n in reversed(names[:-1]):
        hit = next((c for c, r in CATS if r.search(n)), None)
        if hit: cat = hit; break
    busy[cat] += w
    if 'AuditWriter' in text: writer[cat] += w


def tops(path, n=30, pattern=None):
    d = json.load(open(path)); frames = [f['name'] for f in d['shared']['frames']]
    c = collections.Counter()
    for prof in d['profiles']:
        stack = []; last = None
        for ev in prof['events']:
            t = ev['at']
            if last is not None and stack:
                names = [frames[i] for i in stack if '!' in frames[i] or frames[i] in ('CPU_TIME','UNMANAGED_CODE_TIME')]
                if names and (names[-1] == 'CPU_TIME' or (names[-1] == 'UNMANAGED_CODE_TIME' and len(names) > 1 and NATIVE_WORK.search(names[-2]))):
                    text = '\n'.join(names)
                    if pattern is None or re.search(pattern, text):
                        # the outermost frame of the matching module chain
                        for depth in range(len(names) - 2, -1, -1):
                            if pattern and re.search(pattern, names[depth]) and (depth == 0 or not re.search(pattern, names[depth-1])):
                                c[names[depth-1][:110] + '  ->  ' + names[depth][:110]] += t - last; break
                        else:
                            c[names[-2][:160] if len(names) > 1 else '?'] += t - last
            last = t
            if ev['type'] == 'O': stack.append(ev['frame'])
            elif stack: stack.pop()
    tot = sum(c.values())
    for k, v in c.most_common(n): print(f'{v:8.0f} {k}')

def shares(path):
    d = json.load(open(path)); frames = [f['name'] for f in d['shared']['frames']]
    busy = collections.Counter(); writer = collections.Counter()
    for prof in d['profiles']:
        stack = []; last = None
        for ev in prof['events']:
            t = ev['at']
            if last is not None and stack: charge(stack, t - last, frames, busy, writer)
            last = t
            if ev['type'] == 'O': stack.append(ev['frame'])
            elif stack: stack.pop()
    spin = busy.pop('thread pool spinning / waiting', 0)
    tot = sum(busy.values())
    g = collections.Counter()
    for k, v in busy.items():
        if k.startswith('EF Core: context'): g['ctx'] += v
        elif k.startswith('EF Core: query'): g['efq'] += v
        elif k.startswith('EF Core: Save'): g['efs'] += v
        elif 'Sqlite' in k or 'SQLite' in k: g['sql'] += v
        elif k.startswith('JWT'): g['jwt'] += v
        elif k.startswith(('Kestrel', 'socket', 'grpc-dotnet', 'ASP.NET')): g['host'] += v
        elif k.startswith('protobuf'): g['pb'] += v
        elif k.startswith('OffenderMgmt'): g['ours'] += v
        elif k.startswith(('logging', 'telemetry', 'audit entry')): g['log'] += v
        else: g['other'] += v
    w = sum(writer.values())
    return {k: 100 * v / tot for k, v in g.items()}, 100 * w / tot, 100 * spin / (tot + spin)
cols = ['ctx', 'efq', 'efs', 'sql', 'jwt', 'host', 'pb', 'ours', 'log', 'other']
def table(sys_args):
  for label, path in [(a.split('=')[0], a.split('=')[1]) for a in sys_args]:
    s, w, spin = shares(path)
    print('| ' + label + ' | ' + ' | '.join(f"{s.get(c, 0):.0f}" for c in cols) + f' | {w:.0f} | {spin:.0f} |')

# Layers of a call, each by a frame that is on the stack while that layer (and what it calls) runs.
# Inclusive shares: a sample under the metrics middleware is also under Kestrel's request loop.
LAYERS = [
    ('Kestrel HTTP/2 request loop (everything of a call)', r'Http2Stream.*ProcessRequestsAsync|HttpProtocol\.ProcessRequests'),
    ('Kestrel/HTTP2 outside the app (frames, HPACK, flow control, sockets)', r'Http2Connection|Http2FrameWriter|Http2OutputProducer|SocketConnection|SocketSender|SocketReceiver|Pipelines'),
    ('hosting: context, activity, log scope', r'HostingApplication(Diagnostics)?\.|DefaultHttpContextFactory|HostingLogScope|ActivitySource|Activity\.Start|DiagnosticListener'),
    ('authentication middleware (JwtBearer, token cache)', r'AuthenticationMiddleware|AuthenticationHandler|JwtBearerHandler|ValidatedTokens'),
    ('of it: our token cache', r'ValidatedTokens'),
    ('RpcMetricsMiddleware (whole, incl. the rest)', r'RpcMetricsMiddleware'),
    ('routing (endpoint matching)', r'EndpointRoutingMiddleware|DfaMatcher|EndpointMiddleware'),
    ('grpc-dotnet server call handler (incl. app)', r'UnaryServerCallHandler|ServerCallHandlerBase'),
    ('grpc-dotnet: read request, write response', r'PipeExtensions|ReadSingleMessageAsync|WriteSingleMessageAsync|WriteMessageAsync|HttpContextServerCallContext\.(EndCall|ProcessHandlerError|Initialize)'),
    ('interceptor pipeline (all parts, incl. app)', r'ErrorMappingInterceptor'),
    ('audit part and below', r'AuditInterceptor'),
    ('identity part', r'IdentityInterceptor'),
    ('access policy part', r'AccessPolicyInterceptor'),
    ('purpose part', r'PurposeInterceptor'),
    ('request body part', r'RequestBodyInterceptor'),
    ('rate limit part', r'RateLimitInterceptor'),
    ('unit of work part', r'UnitOfWorkInterceptor'),
    ('audit writer loop', r'AuditWriter'),
    ('protobuf', r'Google\.Protobuf'),
    ('GC (gen0/1, allocation)', r'GarbageCollect|GCHeap|gc_heap|WKS::|SVR::|Alloc'),
]
def inclusive(path):
    d = json.load(open(path)); frames = [f['name'] for f in d['shared']['frames']]
    layers = [(k, re.compile(r)) for k, r in LAYERS]
    c = collections.Counter(); tot = 0
    def visit(stack, w):
        nonlocal tot
        names = [frames[i] for i in stack]
        names = [n for n in names if '!' in n or n in ('CPU_TIME', 'UNMANAGED_CODE_TIME', '?!?')]
        if not names: return
        leaf = names[-1]; parent = names[-2] if len(names) > 1 else ''
        if parent.endswith('System.GC.RunFinalizers()'): return
        if leaf == 'UNMANAGED_CODE_TIME':
            if not NATIVE_WORK.search(parent): return
        elif leaf != 'CPU_TIME': return
        text = '\n'.join(names)
        if SPIN.search(parent) and not re.search(r'OffenderMgmt|Kestrel|Grpc|EntityFramework', text): return
        tot += w
        for k, r in layers:
            if r.search(text): c[k] += w
    for prof in d['profiles']:
        if prof.get('type') == 'evented':
            stack = []; last = None
            for ev in prof['events']:
                t = ev['at']
                if last is not None and stack: visit(stack, t - last)
                last = t
                if ev['type'] == 'O': stack.append(ev['frame'])
                elif stack: stack.pop()
        else:
            for s, w in zip(prof['samples'], prof['weights']): visit(s, w)
    print(f'{path}: busy {tot:.0f} ms (thread pool spinning left out)')
    for k, _ in LAYERS: print(f'  {100*c[k]/tot:5.1f}%  {k}')

if __name__ == '__main__':
    args = sys.argv[1:]
    if args and args[0] == '--table':
        print('| RPC | EF context | EF query | EF SaveChanges | SQL | JWT | host | protobuf | ours | logging, metrics, hashing | other | of it in the audit writer | (spinning, % of all) |')
        print('|---|' + '---:|' * 12)
        table(args[1:])
    elif args and args[0] == '--inclusive':
        for p in args[1:]: inclusive(p)
    elif args and args[0] == '--tops':
        tops(args[2], 30, args[1])
    else:
        for p in args: main(p)
