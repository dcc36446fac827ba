"""The sma-cross 10/30 backtest of bench/e2e in backtrader: all in on a cross up, out on a cross
down, no costs, on a Yahoo daily CSV file or a generic CSV file of bench/run bars-csv."""
import sys

import backtrader as bt


class SmaCross(bt.Strategy):
    params = dict(fast=10, slow=30)

    def __init__(self):
        self.cross = bt.ind.CrossOver(bt.ind.SMA(period=self.p.fast), bt.ind.SMA(period=self.p.slow))

    def next(self):
        if not self.position and self.cross > 0:
            self.order_target_percent(target=0.99)
        elif self.position and self.cross < 0:
            self.close()


def feed(path):
    with open(path) as f:
        header = f.readline().strip().lower().split(",")
    columns = {name: i for i, name in enumerate(header)}
    when = columns.get("date", columns.get("time", columns.get("timestamp", 0)))
    return bt.feeds.GenericCSVData(
        dataname=path,
        dtformat="%Y-%m-%d" if "date" in columns else "%Y-%m-%dT%H:%M:%SZ",
        datetime=when,
        open=columns["open"],
        high=columns["high"],
        low=columns["low"],
        close=columns.get("close", columns.get("adj close")),
        volume=columns["volume"],
        openinterest=-1,
        timeframe=bt.TimeFrame.Days if "date" in columns else bt.TimeFrame.Minutes,
    )


if __name__ == "__main__":
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(feed(sys.argv[1]))
    cerebro.addstrategy(SmaCross)
    cerebro.broker.setcash(100_000)
    cerebro.run()
    print(f"final value {cerebro.broker.getvalue():.2f}")
