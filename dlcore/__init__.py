"""dlcore: a small, readable deep-learning library in pure NumPy.

It is the engine of the book *Foundations of Deep Learning*: every formula the book shows is
computed here. Its names and conventions are PyTorch's, so what you learn carries over.

>>> import numpy as np, dlcore as dl
>>> model = dl.Sequential(dl.Linear(2, 8, rng=0), dl.ReLU(), dl.Linear(8, 2, rng=1))
>>> X, y = dl.data.make_xor()
>>> history = dl.fit(model, dl.CrossEntropyLoss(), dl.Adam(model.parameters(), lr=0.05),
...                  X, y, epochs=200, batch_size=4, rng=0, progress=False)
>>> history.train_accuracy[-1]
1.0
"""
from dlcore import calibration, curvature, data, functional, gradcheck, init, lr_scheduler, plot
from dlcore import metrics
from dlcore.activations import LeakyReLU, ReLU, Sigmoid, Softmax, Tanh
from dlcore.batchnorm import BatchNorm1d
from dlcore.dropout import Dropout
from dlcore.ensemble import Ensemble
from dlcore.linear import Linear
from dlcore.losses import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, Loss, MSELoss
from dlcore.module import Identity, Module, Residual, Sequential
from dlcore.optim import SGD, Adam, Optimizer, RMSprop
from dlcore.parameter import Parameter
from dlcore.rbm import RBM
from dlcore.regularization import Penalized, l1_penalty, l2_penalty
from dlcore.serialization import load, save
from dlcore.training import History, TrainingDivergedError, evaluate, fit, iterate_minibatches, predict

__version__ = "0.1.0"

__all__ = [
    "Parameter", "Module", "Sequential", "Residual", "Identity", "Linear",
    "ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax", "Dropout", "BatchNorm1d",
    "Loss", "MSELoss", "BCELoss", "BCEWithLogitsLoss", "CrossEntropyLoss",
    "Optimizer", "SGD", "RMSprop", "Adam",
    "fit", "predict", "evaluate", "iterate_minibatches", "History", "TrainingDivergedError",
    "Ensemble", "Penalized", "l1_penalty", "l2_penalty", "calibration",
    "RBM",
    "save", "load", "functional", "init", "gradcheck", "data", "metrics", "plot", "lr_scheduler", "curvature",
]
