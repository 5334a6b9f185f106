"""The peer a plain pandas script sets: ABC-XYZ of a ledger with Quantity x UnitPrice (Online Retail)."""
import sys
import pandas as pd

df = pd.read_csv(sys.argv[1], dtype={"CustomerID": "string", "InvoiceNo": "string", "StockCode": "string"})
df = df.dropna(subset=["CustomerID"])
df["amount"] = df["Quantity"] * df["UnitPrice"]
df["month"] = pd.to_datetime(df["InvoiceDate"]).dt.to_period("M")
df = df[(df["month"] >= "2010-12") & (df["month"] <= "2011-11")]
totals = df.groupby("CustomerID")["amount"].sum().sort_values(ascending=False)
positive = totals[totals > 0]
cum = positive.cumsum() / positive.sum()
before = cum.shift(fill_value=0)
abc = pd.Series("C", index=totals.index)
abc[before.index[before < 0.95]] = "B"
abc[before.index[before < 0.80]] = "A"
series = df.pivot_table(index="CustomerID", columns="month", values="amount", aggfunc="sum", fill_value=0)
cv = series.std(axis=1, ddof=0) / series.mean(axis=1)
xyz = pd.cut(cv, [-float("inf"), 0.10, 0.25, float("inf")], labels=["X", "Y", "Z"])
pd.DataFrame({"abc": abc, "cv": cv, "xyz": xyz}).to_csv(sys.stdout)
