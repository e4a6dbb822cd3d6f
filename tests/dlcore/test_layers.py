"""Layer semantics beyond gradients: PyTorch's conventions, parameter order, modes, fast paths."""
import numpy as np
import pytest

import dlcore as dl


def test_linear_computes_the_books_formula():
    layer = dl.Linear(3, 4, rng=0, dtype=np.float64)
    a = np.random.default_rng(1).normal(size=(5, 3))
    W, b = layer.weight.data, layer.bias.data
    assert W.shape == (4, 3)
    for n in range(5):                                   # z = W a + b, one example at a time
        assert np.allclose(layer(a)[n], W @ a[n] + b)


def test_parameters_in_pytorch_order():
    model = dl.Sequential(dl.Linear(2, 3), dl.BatchNorm1d(3), dl.ReLU(),
                          dl.Residual(dl.Linear(3, 3)), dl.Linear(3, 1, bias=False))
    names = [n for n, _ in model.named_parameters()]
    assert names == ["0.weight", "0.bias", "1.weight", "1.bias", "3.module.weight",
                     "3.module.bias", "4.weight"]
    assert len(model.parameters()) == 7


def test_train_and_eval_reach_every_layer():
    model = dl.Sequential(dl.Linear(2, 2), dl.Residual(dl.Sequential(dl.Dropout(), dl.Identity())))
    model.eval()
    assert not any(m.training for m in (model, model[1], model[1].module, model[1].module[0]))
    model.train()
    assert model[1].module[0].training


def test_batchnorm_follows_pytorch_conventions():
    x = np.array([[1.0, 2.0], [3.0, 6.0], [8.0, 1.0]])
    bn = dl.BatchNorm1d(2, momentum=0.1, dtype=np.float64)
    y = bn(x)
    mu, var_biased = x.mean(0), x.var(0)
    assert np.allclose(y, (x - mu) / np.sqrt(var_biased + 1e-5))        # biased to normalise
    assert np.allclose(bn.running_mean, 0.1 * mu)
    assert np.allclose(bn.running_var, 0.9 * 1 + 0.1 * x.var(0, ddof=1))  # unbiased running
    bn.eval()
    assert np.allclose(bn(x), (x - bn.running_mean) / np.sqrt(bn.running_var + 1e-5))
    bn.weight.data[:] = [2.0, 3.0]
    bn.bias.data[:] = [0.5, -1.0]
    assert np.allclose(bn(x), (x - bn.running_mean) / np.sqrt(bn.running_var + 1e-5) * [2, 3] + [0.5, -1])


def test_dropout_is_inverted_and_unbiased():
    drop = dl.Dropout(0.3, rng=0)
    x = np.ones((2000, 50))
    y = drop(x)
    kept = y != 0
    assert np.allclose(y[kept], 1 / 0.7)
    assert abs(kept.mean() - 0.7) < 0.01
    assert abs(y.mean() - 1.0) < 0.01                    # E[y] = x
    assert np.array_equal(drop.backward(np.ones_like(x)), y)
    drop.eval()
    assert drop(x) is x


def test_softmax_rows_sum_to_one():
    p = dl.Softmax()(np.random.default_rng(0).normal(size=(6, 5)) * 10)
    assert np.allclose(p.sum(axis=1), 1)


def test_to_float64_converts_parameters_and_buffers():
    model = dl.Sequential(dl.Linear(2, 3), dl.BatchNorm1d(3)).to(np.float64)
    assert all(p.data.dtype == np.float64 and p.grad.dtype == np.float64 for p in model.parameters())
    assert model[1].running_mean.dtype == np.float64
    assert model(np.ones((2, 2))).dtype == np.float64


def test_fast_gradient_path_equals_plain_accumulation():
    """Writing a fresh gradient in place (after zero_grad) gives the same numbers as adding."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(7, 5)).astype(np.float32)
    g = rng.normal(size=(7, 3)).astype(np.float32)
    layer = dl.Linear(5, 3, rng=0)
    layer.zero_grad()
    layer(x)
    layer.backward(g)
    fast_w, fast_b = layer.weight.grad.copy(), layer.bias.grad.copy()
    plain_w = np.zeros_like(fast_w) + g.T @ x
    plain_b = np.zeros_like(fast_b) + g.sum(axis=0)
    assert np.allclose(fast_w, plain_w, rtol=1e-6) and np.allclose(fast_b, plain_b, rtol=1e-6)


def test_init_schemes_have_the_promised_variance():
    rng = np.random.default_rng(0)
    fan_in, fan_out = 400, 300
    expected = {"xavier_uniform": 2 / (fan_in + fan_out), "xavier_normal": 2 / (fan_in + fan_out),
                "he_uniform": 2 / fan_in, "he_normal": 2 / fan_in, "pytorch": 1 / (3 * fan_in)}
    for name, var in expected.items():
        W = dl.init.get(name)(fan_in, fan_out, rng, np.float64)
        assert W.shape == (fan_out, fan_in)
        assert W.var() == pytest.approx(var, rel=0.05), name


def test_data_sets_are_generated_deterministically():
    for make in (dl.data.make_moons, dl.data.make_circles, dl.data.make_spirals, dl.data.make_blobs):
        X1, y1 = make(rng=3)
        X2, y2 = make(rng=3)
        assert X1.dtype == np.float32 and np.array_equal(X1, X2) and np.array_equal(y1, y2)
    X, y = dl.data.make_logic("and")
    assert y.tolist() == [0, 0, 0, 1]
    X_train, X_test, y_train, y_test, images = dl.data.load_digits(return_images=True)
    assert X_train.max() <= 1 and images.shape == (len(X_test), 8, 8)
    assert np.array_equal(images[0].ravel(), X_test[0])


def test_predict_classes_threshold_follows_the_output_layer():
    X = np.array([[0.2], [0.4], [0.6]], dtype=np.float64)
    logit = dl.Sequential(dl.Identity())          # outputs read as logits: cut at 0
    prob = dl.Sequential(dl.Identity(), dl.Sigmoid())
    assert dl.plot.predict_classes(logit, X).tolist() == [1, 1, 1]
    assert dl.plot.predict_classes(logit, X, threshold=0.5).tolist() == [0, 0, 1]
    assert dl.plot.predict_classes(prob, X - 0.5).tolist() == [0, 0, 1]
