"""Bad input stops at the boundary with a message naming the layer, the expectation and the value."""
import re
import warnings

import numpy as np
import pytest

import dlcore as dl

X32 = np.ones((4, 3), dtype=np.float32)


def raises(exc, *fragments):
    """pytest.raises that also checks every fragment appears in the message."""
    pattern = "".join(f"(?=.*{re.escape(f)})" for f in fragments)
    return pytest.raises(exc, match=re.compile(pattern, re.S))


# --- layers -----------------------------------------------------------------------------------
def test_wrong_feature_count_names_layer_and_shapes():
    model = dl.Sequential(dl.Linear(3, 5), dl.ReLU(), dl.Linear(4, 2))
    with raises(ValueError, "Linear(4, 2)", "(N, 4)", "(4, 5)"):
        model(X32)


def test_one_dimensional_input_gets_a_reshape_hint():
    with raises(ValueError, "Linear(3, 2)", "(N, 3)", "(3,)", "reshape(1, -1)"):
        dl.Linear(3, 2)(np.ones(3, dtype=np.float32))


def test_wrong_dtype():
    with raises(TypeError, "Linear(3, 2)", "float32", "float64", "astype"):
        dl.Linear(3, 2)(np.ones((4, 3)))
    with raises(TypeError, "floating-point", "int64"):
        dl.Linear(3, 2)(np.ones((4, 3), dtype=np.int64))
    with raises(TypeError, "NumPy array", "list"):
        dl.Linear(3, 2)([[1.0, 2.0, 3.0]])


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_input(bad):
    x = X32.copy()
    x[1, 2] = bad
    with raises(ValueError, "Linear(3, 2)", "1 are NaN or infinite"):
        dl.Linear(3, 2)(x)


def test_backward_before_forward():
    for layer in (dl.Linear(3, 2), dl.ReLU(), dl.Sigmoid(), dl.BatchNorm1d(3), dl.Dropout(0.1),
                  dl.Sequential(dl.Linear(3, 2))):
        with raises(ValueError, "backward() was called before forward()"):
            layer.backward(np.ones((4, 2), dtype=np.float32))


def test_backward_with_wrong_gradient_shape():
    layer = dl.Linear(3, 2)
    layer(X32)
    with raises(ValueError, "Linear(3, 2).backward", "(4, 2)", "(4, 3)"):
        layer.backward(np.ones((4, 3), dtype=np.float32))


def test_residual_needs_shape_preserving_module():
    with raises(ValueError, "Residual", "(4, 3)", "(4, 2)"):
        dl.Residual(dl.Linear(3, 2))(X32)


def test_batchnorm_single_example_in_training():
    with raises(ValueError, "BatchNorm1d(3)", "batch of 1", "eval()"):
        dl.BatchNorm1d(3)(X32[:1])
    assert dl.BatchNorm1d(3).eval()(X32[:1]).shape == (1, 3)


@pytest.mark.parametrize("make, fragments", [
    (lambda: dl.Linear(0, 3), ("in_features", "positive integer", "0")),
    (lambda: dl.Linear(3, -1), ("out_features", "-1")),
    (lambda: dl.Linear(2.5, 3), ("in_features", "2.5")),
    (lambda: dl.Linear(2, 3, init="glorious"), ("Unknown init", "glorious", "xavier_uniform")),
    (lambda: dl.Linear(2, 3, dtype=np.int32), ("dtype", "int32")),
    (lambda: dl.Dropout(1.0), ("Dropout", "[0, 1)", "1.0")),
    (lambda: dl.Dropout(-0.1), ("Dropout", "-0.1")),
    (lambda: dl.BatchNorm1d(0), ("num_features",)),
    (lambda: dl.BatchNorm1d(3, momentum=1.5), ("momentum", "1.5")),
    (lambda: dl.LeakyReLU(-1), ("negative_slope", "-1")),
    (lambda: dl.Sequential(dl.Linear(2, 2), "relu"), ("Sequential", "argument 1", "of type str")),
])
def test_invalid_hyperparameters(make, fragments):
    with raises((ValueError, TypeError), *fragments):
        make()


# --- optimizers -------------------------------------------------------------------------------
@pytest.mark.parametrize("make, fragments", [
    (lambda p: dl.SGD(p, lr=-0.1), ("SGD", "lr", "-0.1")),
    (lambda p: dl.SGD(p, lr=0.1, momentum=-1), ("momentum", "-1")),
    (lambda p: dl.SGD(p, lr=0.1, nesterov=True), ("Nesterov", "momentum > 0")),
    (lambda p: dl.Adam(p, lr=-1), ("Adam", "lr")),
    (lambda p: dl.Adam(p, betas=(0.9, 1.0)), ("beta2", "[0, 1)", "1.0")),
    (lambda p: dl.Adam(p, betas=0.9), ("betas", "pair")),
    (lambda p: dl.RMSprop(p, alpha=2), ("alpha", "2")),
    (lambda p: dl.RMSprop(p, eps=-1e-8), ("eps",)),
    (lambda p: dl.SGD([], lr=0.1), ("empty parameter list",)),
    (lambda p: dl.SGD([np.zeros(2)], lr=0.1), ("not a dlcore.Parameter",)),
])
def test_invalid_optimizer_settings(make, fragments):
    with raises((ValueError, TypeError), *fragments):
        make([dl.Parameter(np.zeros(2))])


# --- losses -----------------------------------------------------------------------------------
def test_labels_out_of_range():
    with raises(ValueError, "CrossEntropyLoss", "[0, 2]", "3 logits", "from 0 to 3"):
        dl.CrossEntropyLoss()(np.zeros((2, 3)), np.array([0, 3]))
    with raises(ValueError, "CrossEntropyLoss", "from -1"):
        dl.CrossEntropyLoss()(np.zeros((2, 3)), np.array([-1, 0]))


def test_float_labels_for_cross_entropy():
    with raises(TypeError, "integers", "float64", "one-hot"):
        dl.CrossEntropyLoss()(np.zeros((2, 3)), np.array([0.0, 1.0]))


def test_target_shape_mismatch():
    with raises(ValueError, "MSELoss", "(4,)", "(4, 1)", "reshape"):
        dl.MSELoss()(np.zeros((4, 1)), np.zeros(4))
    with raises(ValueError, "BCEWithLogitsLoss", "(3, 1)", "(4, 1)"):
        dl.BCEWithLogitsLoss()(np.zeros((4, 1)), np.zeros((3, 1)))
    with raises(ValueError, "CrossEntropyLoss", "3 labels for 2 examples"):
        dl.CrossEntropyLoss()(np.zeros((2, 3)), np.array([0, 1, 2]))
    with raises(ValueError, "CrossEntropyLoss", "(2, 4)"):
        dl.CrossEntropyLoss()(np.zeros((2, 3)), np.zeros((2, 4)))


def test_bce_rejects_logits():
    with raises(ValueError, "BCELoss", "probabilities in [0, 1]", "BCEWithLogitsLoss"):
        dl.BCELoss()(np.array([2.0, -1.0]), np.array([1.0, 0.0]))


def test_loss_backward_before_forward():
    with raises(ValueError, "MSELoss.backward()", "before the loss was computed"):
        dl.MSELoss().backward()


def test_nan_prediction_and_target():
    with raises(ValueError, "MSELoss", "prediction", "NaN"):
        dl.MSELoss()(np.array([np.nan]), np.array([0.0]))
    with raises(ValueError, "MSELoss", "target", "NaN"):
        dl.MSELoss()(np.array([0.0]), np.array([np.nan]))


# --- numerical safety -------------------------------------------------------------------------
def test_extreme_inputs_stay_finite_and_silent():
    z = np.array([[-1000.0, 0.0, 1000.0], [1000.0, 1000.0, -1000.0]])
    F = dl.functional
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", divide="raise", invalid="raise"):   # underflow to 0 is fine
            results = [F.sigmoid(z), F.softmax(z), F.log_softmax(z), F.tanh(z), F.logsumexp(z),
                       F.sigmoid_derivative(z)]
            for loss_fn, target in [(dl.CrossEntropyLoss(), np.array([0, 1])),
                                    (dl.BCEWithLogitsLoss(), (z > 0) * 1.0),
                                    (dl.BCEWithLogitsLoss(), (z < 0) * 1.0)]:
                results.append(np.array(loss_fn(z, target)))
                results.append(loss_fn.backward())
            bce = dl.BCELoss()
            results.append(np.array(bce(F.sigmoid(z), (z < 0) * 1.0)))   # p exactly 0 and 1
            results.append(bce.backward())
    assert all(np.all(np.isfinite(r)) for r in results)
    assert np.allclose(F.softmax(z)[1], [0.5, 0.5, 0.0])
    assert F.sigmoid(np.array(-1000.0)) == 0.0 and F.sigmoid(np.array(1000.0)) == 1.0
    # row 0 puts the true class 2000 below the best: -log p = 2000; row 1 is a coin flip: log 2
    assert dl.CrossEntropyLoss()(z, np.array([0, 1])) == pytest.approx((2000 + np.log(2)) / 2)


def test_load_finds_the_file_save_named(tmp_path):
    model = dl.Sequential(dl.Linear(2, 3, rng=0))
    dl.save(model, tmp_path / "model")                  # NumPy writes model.npz
    other = dl.load(dl.Sequential(dl.Linear(2, 3, rng=1)), tmp_path / "model")
    assert np.array_equal(other[0].weight.data, model[0].weight.data)


def test_save_load_mismatch(tmp_path):
    path = tmp_path / "model.npz"
    dl.save(dl.Sequential(dl.Linear(2, 3)), path)
    with raises(ValueError, "0.weight", "(4, 2)", "(3, 2)"):
        dl.load(dl.Sequential(dl.Linear(2, 4)), path)
    with raises(ValueError, "Missing", "1.weight"):
        dl.load(dl.Sequential(dl.Linear(2, 3), dl.Linear(3, 1)), path)
