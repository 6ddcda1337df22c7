#!/usr/bin/python3
"""Reference values for HoltWintersMatchesStatsmodelsTest, computed by statsmodels' ExponentialSmoothing.

Attain's org.attain.forecast.HoltWinters is its own code (no maintained JVM library offers Holt-Winters/ETS). This
script holds it to statsmodels: the same series, the same fixed smoothing parameters and the same initial state,
so that the comparison isolates the model (the recursions and the forecast) from the fitting. Our HoltWinters starts
its recursions at the end of the first season, from a state it reads off the first one or two seasons (start()
below, the same formula as HoltWinters.start); statsmodels is given that state as 'known' and the series from the
second season on. The test also checks that its start equals the one written here.

For each training series it also lets statsmodels optimise the smoothing parameters from the same known start (its
own optimiser, default bounds), and writes the SSE reached, so the test can compare our deterministic grid to it.

Regenerate (Debian: apt-get install python3-statsmodels; no Python is needed to run the tests):

    /usr/bin/python3 bench/holt-winters-reference.py > attain-app/src/test/resources/bench/holt-winters-statsmodels.csv
"""
import csv
import math
import sys
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing

M = 12
HORIZON = 12
SUPERSTORE = 'attain-app/src/test/resources/bench/superstore-monthly-sales.csv'


def superstore():
    with open(SUPERSTORE) as f:
        return [float(r['sales']) for r in csv.DictReader(f)]


def demo_like():
    """36 months shaped like a demo company's bookings: growing, a multiplicative season, some noise (no randomness)."""
    return [round((100000 + 1500 * t) * (1 + 0.35 * math.sin(2 * math.pi * (t + 2) / M))
                  + 6000 * math.cos(1.7 * t), 2) for t in range(36)]


def start(y, season):
    """The start HoltWinters.start computes: level, trend, seasonal indices at the end of the first season."""
    first = sum(y[:M]) / M
    trend = (sum(y[M:2 * M]) / M - first) / M if len(y) >= 2 * M else 0.0
    middle = (M - 1) / 2.0
    seasonal = []
    for i in range(M):
        line = first + (i - middle) * trend
        seasonal.append(y[i] - line if season == 'add' else (1.0 if line == 0 else y[i] / line))
    return first + middle * trend, trend, seasonal


def model(y, season, damped, st, bounds=None):
    level, trend, seasonal = st
    return ExponentialSmoothing(np.asarray(y[M:]), trend='add', damped_trend=damped, seasonal=season,
                                seasonal_periods=M, initialization_method='known', initial_level=level,
                                initial_trend=trend, initial_seasonal=seasonal, bounds=bounds)


def textbook_forecast(r, season, phi):
    """Hyndman & Athanasopoulos' forecast equation on statsmodels' final state: l_T + (phi + .. + phi^h) b_T with the
    season s_{T+h-m(k+1)}, k = (h-1) div m. statsmodels before PR #10230 (issue #9538; 0.13.5 among them) takes
    s_{T-m} instead of s_T at h = m, 2m, ..; its other horizons equal this."""
    level, trend, last = r.level[-1], r.trend[-1], r.season[-M:]
    out, damp = [], 0.0
    for h in range(1, HORIZON + 1):
        damp += phi ** h
        s = last[(h - 1) % M]
        out.append(level + damp * trend + s if season == 'add' else (level + damp * trend) * s)
    return out


SERIES = {'superstore-train': superstore()[:36], 'superstore-all': superstore(), 'demo-like': demo_like()}

# name, series, season, alpha, beta (Holt's beta*), gamma, phi (1 = not damped)
CASES = [
    ('superstore-train-add-damped', 'superstore-train', 'add', 0.3, 0.05, 0.2, 0.9),
    ('superstore-train-mul-damped', 'superstore-train', 'mul', 0.3, 0.05, 0.2, 0.9),
    ('superstore-all-add-damped', 'superstore-all', 'add', 0.12, 0.02, 0.46, 0.95),
    ('superstore-all-mul-damped', 'superstore-all', 'mul', 0.6, 0.3, 0.1, 0.8),
    ('superstore-all-add-undamped', 'superstore-all', 'add', 0.5, 0.1, 0.3, 1.0),
    ('superstore-all-mul-undamped', 'superstore-all', 'mul', 0.5, 0.1, 0.3, 1.0),
    ('demo-like-add-damped', 'demo-like', 'add', 0.4, 0.1, 0.3, 0.98),
    ('demo-like-mul-damped', 'demo-like', 'mul', 0.4, 0.1, 0.3, 0.98),
]


def g(v):
    return repr(float(v))


def main():
    out = csv.writer(sys.stdout, lineterminator='\n')
    print(f'# statsmodels {statsmodels.__version__} (numpy {np.__version__}), ExponentialSmoothing, '
          'initialization_method=known, trend=add')
    print('# made by: /usr/bin/python3 bench/holt-winters-reference.py > '
          'attain-app/src/test/resources/bench/holt-winters-statsmodels.csv')
    print('# rows: series,<name>,t,y | case,<name>,<series>,<add|mul>,alpha,beta,gamma,phi (1 = not damped)')
    print('# start,<case>,i,value: the given start (i = level, trend, s0..s11) | fitted,<case>,t,value: one-step')
    print('# state,<case>,i,value: the state at the end | forecast,<case>,h,value: statsmodels forecast()')
    print('# textbook,<case>,h,value: Hyndman-Athanasopoulos forecast equation on that end state (statsmodels')
    print('#   < PR #10230, issue #9538, uses a season-old seasonal index at h = 12) | sse,<case>,,value')
    print('# optimum,<series>,<add|mul>,<phi upper bound>,alpha,beta,gamma,phi,sse: statsmodels fit(optimized=True)')
    for name, y in SERIES.items():
        for t, v in enumerate(y):
            out.writerow(['series', name, t, g(v)])
    for name, series, season, a, b, gm, phi in CASES:
        y = SERIES[series]
        st = start(y, season)
        out.writerow(['case', name, series, season, g(a), g(b), g(gm), g(phi)])
        out.writerow(['start', name, 'level', g(st[0])])
        out.writerow(['start', name, 'trend', g(st[1])])
        for i, s in enumerate(st[2]):
            out.writerow(['start', name, f's{i}', g(s)])
        damped = phi < 1
        kw = dict(smoothing_level=a, smoothing_trend=b, smoothing_seasonal=gm, optimized=False)
        if damped:
            kw['damping_trend'] = phi
        r = model(y, season, damped, st).fit(**kw)
        for t, v in enumerate(r.fittedvalues):
            out.writerow(['fitted', name, t + M, g(v)])
        out.writerow(['state', name, 'level', g(r.level[-1])])
        out.writerow(['state', name, 'trend', g(r.trend[-1])])
        for i, v in enumerate(r.season[-M:]):
            out.writerow(['state', name, f's{i}', g(v)])
        for h, v in enumerate(r.forecast(HORIZON)):
            out.writerow(['forecast', name, h + 1, g(v)])
        for h, v in enumerate(textbook_forecast(r, season, phi)):
            out.writerow(['textbook', name, h + 1, g(v)])
        out.writerow(['sse', name, '', g(r.sse)])
    # statsmodels' own optimum from the same known start, damped, on the training years (SuperstoreBenchmarkTest):
    # with its default bound on phi (0.8..0.995) and with ours (0.8..0.98, as R's forecast::ets).
    for season in ('add', 'mul'):
        for phi_max in (0.995, 0.98):
            y = SERIES['superstore-train']
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                r = model(y, season, True, start(y, season), {'damping_trend': (0.8, phi_max)}).fit(optimized=True)
            p = r.params
            out.writerow(['optimum', 'superstore-train', season, g(phi_max), g(p['smoothing_level']),
                          g(p['smoothing_trend']), g(p['smoothing_seasonal']), g(p['damping_trend']), g(r.sse)])

if __name__ == '__main__':
    main()
