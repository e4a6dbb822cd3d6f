"""Training end to end: XOR, digits, determinism, divergence, early stopping, save/load."""
import numpy as np
import pytest

import dlcore as dl


def xor_model(seed=0):
    return dl.Sequential(dl.Linear(2, 8, rng=seed), dl.Tanh(), dl.Linear(8, 1, rng=seed + 1))


def test_xor_reaches_100_percent():
    X, y = dl.data.make_xor()
    model = xor_model()
    history = dl.fit(model, dl.BCEWithLogitsLoss(), dl.Adam(model.parameters(), lr=0.05), X,
                     y.reshape(-1, 1).astype(np.float32), epochs=300, batch_size=4, rng=0, progress=False)
    assert history.train_accuracy[-1] == 1.0
    assert np.array_equal(dl.plot.predict_classes(model, X), y)


def digits_run(seed=0, epochs=60):
    X_train, X_test, y_train, y_test = dl.data.load_digits()
    model = dl.Sequential(dl.Linear(64, 64, init="he_uniform", rng=seed), dl.ReLU(),
                          dl.Linear(64, 10, rng=seed + 100))
    history = dl.fit(model, dl.CrossEntropyLoss(), dl.Adam(model.parameters(), lr=1e-3),
                     X_train, y_train, epochs=epochs, batch_size=32, rng=seed, progress=False)
    return model, history, dl.evaluate(model, dl.CrossEntropyLoss(), X_test, y_test)


def test_digits_test_accuracy_at_least_97_percent():
    _, _, (loss, accuracy) = digits_run()
    assert accuracy >= 0.97, f"test accuracy {accuracy:.4f}"


def test_same_seed_same_numbers():
    a = digits_run(epochs=3)
    b = digits_run(epochs=3)
    assert a[1].train_loss == b[1].train_loss and a[2] == b[2]
    for p, q in zip(a[0].parameters(), b[0].parameters()):
        assert np.array_equal(p.data, q.data)
    c = digits_run(seed=1, epochs=3)
    assert c[1].train_loss != a[1].train_loss


def test_divergence_is_reported_with_epoch_and_learning_rate():
    X, y = dl.data.make_regression_curve(64, rng=0)
    model = dl.Sequential(dl.Linear(1, 32, rng=0), dl.ReLU(), dl.Linear(32, 1, rng=1))
    with pytest.raises(dl.TrainingDivergedError, match=r"(?s)diverged at epoch \d+.*learning rate.*lr=1000"):
        dl.fit(model, dl.MSELoss(), dl.SGD(model.parameters(), lr=1000.0), X, y, epochs=50,
               batch_size=16, rng=0, progress=False)


def test_early_stopping_restores_best_weights():
    X, y = dl.data.make_moons(120, noise=0.35, rng=0)
    Xv, yv = dl.data.make_moons(120, noise=0.35, rng=1)
    model = dl.Sequential(dl.Linear(2, 128, rng=0), dl.ReLU(), dl.Linear(128, 128, rng=1), dl.ReLU(),
                          dl.Linear(128, 2, rng=2))
    history = dl.fit(model, dl.CrossEntropyLoss(), dl.Adam(model.parameters(), lr=0.01), X, y,
                     epochs=300, batch_size=16, validation_data=(Xv, yv), early_stopping=10, rng=0,
                     progress=False)
    assert history.stopped_epoch is not None and history.stopped_epoch < 300
    assert history.stopped_epoch == history.best_epoch + 10
    best = min(history.val_loss)
    assert history.val_loss[history.best_epoch - 1] == best
    assert dl.evaluate(model, dl.CrossEntropyLoss(), Xv, yv)[0] == pytest.approx(best)


def test_early_stopping_needs_validation_data():
    X, y = dl.data.make_xor()
    with pytest.raises(ValueError, match="validation_data"):
        dl.fit(xor_model(), dl.CrossEntropyLoss(), dl.SGD(xor_model().parameters(), lr=0.1), X, y,
               epochs=1, batch_size=4, early_stopping=3)


def test_fit_checks_its_arguments():
    X, y = dl.data.make_xor()
    model = xor_model()
    opt = dl.SGD(model.parameters(), lr=0.1)
    with pytest.raises(ValueError, match="X has 4 examples but y has 3"):
        dl.fit(model, dl.MSELoss(), opt, X, y[:3], epochs=1, batch_size=2)
    with pytest.raises(ValueError, match="batch_size must be a positive integer, got 0"):
        dl.fit(model, dl.MSELoss(), opt, X, y, epochs=1, batch_size=0)


def test_progress_bar_writes_to_stdout_not_stderr(capsys):
    X, y = dl.data.make_xor()
    model = xor_model()
    dl.fit(model, dl.BCEWithLogitsLoss(), dl.SGD(model.parameters(), lr=0.1), X,
           y.reshape(-1, 1).astype(np.float32), epochs=3, batch_size=2, rng=0, progress=True)
    out, err = capsys.readouterr()
    assert "3/3" in out and err == ""


def test_save_load_round_trip(tmp_path):
    model = dl.Sequential(dl.Linear(4, 6, rng=0), dl.BatchNorm1d(6), dl.ReLU(), dl.Dropout(0.2),
                          dl.Linear(6, 3, rng=1))
    x = np.random.default_rng(0).normal(size=(8, 4)).astype(np.float32)
    model(x)  # move BatchNorm's running statistics away from their initial values
    path = tmp_path / "model.npz"
    dl.save(model, path)
    other = dl.Sequential(dl.Linear(4, 6, rng=5), dl.BatchNorm1d(6), dl.ReLU(), dl.Dropout(0.2),
                          dl.Linear(6, 3, rng=6))
    dl.load(other, path)
    assert np.array_equal(dl.predict(model, x), dl.predict(other, x))
    assert np.array_equal(other[1].running_mean, model[1].running_mean)
    with np.load(path, allow_pickle=False) as f:
        assert sorted(f.files) == sorted(model.state_dict())


def test_iterate_minibatches_covers_each_example_once():
    X = np.arange(20, dtype=np.float32).reshape(10, 2)
    y = np.arange(10)
    seen = np.concatenate([yb for _, yb in dl.iterate_minibatches(X, y, 3, rng=0)])
    assert sorted(seen.tolist()) == list(range(10)) and seen.tolist() != list(range(10))
    for xb, yb in dl.iterate_minibatches(X, y, 4, rng=0):
        assert np.array_equal(xb[:, 0] / 2, yb)      # rows stay paired with their labels


def test_predict_restores_training_mode():
    model = dl.Sequential(dl.Linear(2, 2), dl.Dropout(0.5))
    dl.predict(model, np.ones((3, 2), dtype=np.float32))
    assert model.training and model[1].training
    model.eval()
    dl.predict(model, np.ones((3, 2), dtype=np.float32))
    assert not model[1].training
