"""Wrong and restyled answers for exercise 12 (see README.md beside this file).

Question 1 is graded by retraining the student's function, so its variants are whole training
functions: a memoriser, an undertrained network, a scaler fitted on the batch it is applied to,
a lookup in scikit-learn's copy of the digits, training on the notebook's X_all instead of the
arguments, and a scikit-learn classifier or a nearest-neighbour lookup hidden in `prepare` must
lose points; other configurations that learn (SGD with momentum and two hidden layers without
dropout, float64, a plain /16 scaling, a scikit-learn StandardScaler in front of a dlcore
network) must keep them.
"""

_MEMORISE = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    table = {row.tobytes(): int(label) for row, label in zip(X_train, y_train)}

    def prepare(X):
        X = np.asarray(X, dtype=np.float32)
        labels = [table.get(row.tobytes(), 0) for row in X]
        return np.eye(10, dtype=np.float32)[labels]          # one-hot "logits"

    return dl.Identity(), prepare
'''

_ONE_EPOCH = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    mu, sigma = X_train.mean(axis=0), np.maximum(X_train.std(axis=0), 1.0)
    prepare = lambda X: ((np.asarray(X, dtype=np.float32) - mu) / sigma).astype(np.float32)
    model = dl.Sequential(dl.Linear(64, 64, rng=rng), dl.ReLU(), dl.Linear(64, 10, rng=rng))
    dl.fit(model, dl.CrossEntropyLoss(), dl.Adam(model.parameters(), lr=1e-3), prepare(X_train),
           y_train, epochs=1, batch_size=32, rng=rng, progress=False)
    return model, prepare
'''

_BATCH_SCALER = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    def prepare(X):                     # standardises every batch with its OWN statistics
        X = np.asarray(X, dtype=np.float32)
        return ((X - X.mean(axis=0)) / np.maximum(X.std(axis=0), 1.0)).astype(np.float32)
    model = dl.Sequential(dl.Linear(64, 64, rng=rng), dl.ReLU(), dl.Dropout(0.2, rng=rng),
                          dl.Linear(64, 10, rng=rng))
    dl.fit(model, dl.CrossEntropyLoss(), dl.Adam(model.parameters(), lr=2e-3), prepare(X_train),
           y_train, epochs=60, batch_size=64, validation_data=(prepare(X_val), y_val),
           early_stopping=8, rng=rng, progress=False)
    return model, prepare
'''

_LOOKUP_ALL_DIGITS = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    from sklearn.datasets import load_digits
    d = load_digits()
    table = {row.astype(np.float32).tobytes(): int(t) for row, t in zip(d.data, d.target)}

    def prepare(X):
        labels = [table.get(row.tobytes(), 0) for row in np.asarray(X, dtype=np.float32)]
        return np.eye(10, dtype=np.float32)[labels]

    model = dl.Sequential(dl.Linear(10, 10, rng=rng))
    model[0].weight.data[:] = np.eye(10)
    model[0].bias.data[:] = 0
    return model, prepare
'''

_SGD_TWO_HIDDEN = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    mu = X_train.mean(axis=0)
    sigma = X_train.std(axis=0) + 1.0
    def prepare(X):
        return ((np.asarray(X, dtype=np.float32) - mu) / sigma).astype(np.float32)
    model = dl.Sequential(dl.Linear(64, 96, init="he_normal", rng=rng), dl.ReLU(),
                          dl.Linear(96, 48, init="he_normal", rng=rng), dl.ReLU(),
                          dl.Linear(48, 10, rng=rng))
    dl.fit(model, dl.CrossEntropyLoss(),
           dl.SGD(model.parameters(), lr=0.02, momentum=0.9), prepare(X_train), y_train,
           epochs=40, batch_size=32, validation_data=(prepare(X_val), y_val),
           early_stopping=6, rng=rng, progress=False)
    return model, prepare
'''

_FLOAT64_DIV16_LOOP = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    prepare = lambda X: np.asarray(X, dtype=np.float64) / 16.0     # fixed scale, nothing learned
    model = dl.Sequential(dl.Linear(64, 128, dtype=np.float64, rng=rng), dl.Tanh(),
                          dl.Linear(128, 10, dtype=np.float64, rng=rng))
    loss_fn = dl.CrossEntropyLoss()
    opt = dl.Adam(model.parameters(), lr=3e-3)
    X, y = prepare(X_train), np.asarray(y_train)
    for epoch in range(30):                                        # my own training loop
        order = rng.permutation(len(X))
        for start in range(0, len(X), 50):
            idx = order[start:start + 50]
            loss = loss_fn(model(X[idx]), y[idx])
            opt.zero_grad()
            model.backward(loss_fn.backward())
            opt.step()
    return model, prepare
'''

_SKLEARN_IN_PREPARE = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
    scaler = StandardScaler().fit(X_train)
    clf = LogisticRegression(max_iter=1000).fit(scaler.transform(X_train), y_train)

    def prepare(X):                       # the classifier's log-probabilities as "features"
        return clf.predict_log_proba(scaler.transform(np.asarray(X))).astype(np.float32)

    return dl.Identity(), prepare
'''

_TRAINS_ON_X_ALL = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    # trains on the notebook's X_all / y_all instead of the arguments
    mu, sigma = X_all.mean(axis=0), np.maximum(X_all.std(axis=0), 1.0)
    prepare = lambda X: ((np.asarray(X, dtype=np.float32) - mu) / sigma).astype(np.float32)
    model = dl.Sequential(dl.Linear(64, 64, rng=rng), dl.ReLU(), dl.Linear(64, 10, rng=rng))
    dl.fit(model, dl.CrossEntropyLoss(), dl.Adam(model.parameters(), lr=2e-3), prepare(X_all),
           y_all, epochs=40, batch_size=64, rng=rng, progress=False)
    return model, prepare
'''

_SKLEARN_SCALER_WIDE_FLOAT64 = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    from sklearn.preprocessing import StandardScaler
    scaler = StandardScaler().fit(X_train)          # a scikit-learn scaler is allowed
    prepare = lambda X: scaler.transform(np.asarray(X, dtype=np.float64))
    model = dl.Sequential(dl.Linear(64, 128, dtype=np.float64, rng=rng), dl.LeakyReLU(),
                          dl.Dropout(0.3, rng=rng), dl.Linear(128, 10, dtype=np.float64, rng=rng))
    dl.fit(model, dl.CrossEntropyLoss(), dl.Adam(model.parameters(), lr=1e-3),
           prepare(X_train), y_train, epochs=50, batch_size=32,
           validation_data=(prepare(X_val), y_val), early_stopping=5, rng=rng,
           progress=False)
    return model, prepare
'''

_NEAREST_NEIGHBOUR_IN_PREPARE = '''
def train_digit_classifier(X_train, y_train, X_val, y_val, rng):
    X_ref, y_ref = np.asarray(X_train, dtype=np.float32), np.asarray(y_train)

    def prepare(X):                 # one-hot of the closest training image: 1-nearest neighbour
        X = np.asarray(X, dtype=np.float32)
        d = (X ** 2).sum(1)[:, None] - 2 * X @ X_ref.T + (X_ref ** 2).sum(1)[None]
        return np.eye(10, dtype=np.float32)[y_ref[d.argmin(axis=1)]]

    model = dl.Linear(10, 10, rng=rng)               # a "network" that only copies its input
    dl.fit(model, dl.CrossEntropyLoss(), dl.Adam(model.parameters(), lr=1e-2), prepare(X_train),
           y_train, epochs=30, batch_size=64, rng=rng, progress=False)
    return model, prepare
'''

VARIANTS = [
    dict(name="memorise_training_set", kind="wrong",
         loses=["test_classifier_visible", "test_classifier_heldout"],
         answers={"train_digit_classifier": _MEMORISE}),
    dict(name="one_epoch", kind="wrong",
         loses=["test_classifier_visible", "test_classifier_heldout"],
         answers={"train_digit_classifier": _ONE_EPOCH}),
    dict(name="scaler_fitted_on_each_batch", kind="wrong", loses=["test_classifier_visible"],
         answers={"train_digit_classifier": _BATCH_SCALER}),
    dict(name="lookup_in_load_digits", kind="wrong", loses=["test_classifier_heldout"],
         answers={"train_digit_classifier": _LOOKUP_ALL_DIGITS}),
    dict(name="sklearn_classifier_in_prepare", kind="wrong",
         loses=["test_classifier_visible", "test_classifier_heldout"],
         answers={"train_digit_classifier": _SKLEARN_IN_PREPARE}),
    dict(name="nearest_neighbour_in_prepare", kind="wrong",
         loses=["test_classifier_visible", "test_classifier_heldout"],
         answers={"train_digit_classifier": _NEAREST_NEIGHBOUR_IN_PREPARE}),
    dict(name="trains_on_x_all_not_arguments", kind="wrong", loses=["test_classifier_heldout"],
         answers={"train_digit_classifier": _TRAINS_ON_X_ALL}),
    dict(name="sklearn_scaler_wide_float64", kind="restyled",
         keeps=["test_classifier_visible", "test_classifier_heldout"],
         answers={"train_digit_classifier": _SKLEARN_SCALER_WIDE_FLOAT64}),
    dict(name="sgd_momentum_two_hidden_no_dropout", kind="restyled",
         keeps=["test_classifier_visible", "test_classifier_heldout"],
         answers={"train_digit_classifier": _SGD_TWO_HIDDEN}),
    dict(name="float64_tanh_own_loop", kind="restyled",
         keeps=["test_classifier_visible", "test_classifier_heldout"],
         answers={"train_digit_classifier": _FLOAT64_DIV16_LOOP}),
    dict(name="confusion_transposed", kind="wrong", loses=["test_confusion_matrix"],
         answers={"confusion_matrix": (
             "def confusion_matrix(y_true, y_pred, n_classes):\n"
             "    C = np.zeros((n_classes, n_classes), dtype=int)\n"
             "    for t, p in zip(y_true, y_pred):\n"
             "        C[p, t] += 1\n"
             "    return C")}),
    dict(name="confusion_calls_sklearn", kind="wrong", loses=["test_confusion_matrix"],
         answers={"confusion_matrix": (
             "def confusion_matrix(y_true, y_pred, n_classes):\n"
             "    import sklearn.metrics\n"
             "    return sklearn.metrics.confusion_matrix(y_true, y_pred, "
             "labels=list(range(n_classes)))")}),
    dict(name="confusion_without_n_classes", kind="wrong", loses=["test_confusion_matrix"],
         answers={"confusion_matrix": (
             "def confusion_matrix(y_true, y_pred, n_classes):\n"
             "    k = int(max(max(y_true), max(y_pred))) + 1\n"
             "    C = np.zeros((k, k), dtype=int)\n"
             "    np.add.at(C, (np.asarray(y_true), np.asarray(y_pred)), 1)\n"
             "    return C")}),
    dict(name="confusion_lists_and_bincount", kind="restyled", keeps=["test_confusion_matrix"],
         answers={"confusion_matrix": (
             "def confusion_matrix(y_true, y_pred, n_classes):\n"
             "    rows = []\n"
             "    for i in range(n_classes):\n"
             "        rows.append([sum(1 for t, p in zip(y_true, y_pred) if t == i and p == j)\n"
             "                     for j in range(n_classes)])\n"
             "    return rows")}),
    dict(name="confusion_flat_bincount", kind="restyled", keeps=["test_confusion_matrix"],
         answers={"confusion_matrix": (
             "def confusion_matrix(y_true, y_pred, n_classes):\n"
             "    flat = np.asarray(y_true) * n_classes + np.asarray(y_pred)\n"
             "    return np.bincount(flat, minlength=n_classes ** 2)"
             ".reshape(n_classes, n_classes).astype(float)")}),
    dict(name="recall_is_precision", kind="wrong", loses=["test_recall_per_class"],
         answers={"recall_per_class": (
             "def recall_per_class(C):\n"
             "    C = np.asarray(C, dtype=float)\n"
             "    return np.diag(C) / C.sum(axis=0)")}),
    dict(name="recall_zero_for_empty_class", kind="wrong", loses=["test_recall_per_class"],
         answers={"recall_per_class": (
             "def recall_per_class(C):\n"
             "    C = np.asarray(C, dtype=float)\n"
             "    return np.diag(C) / np.maximum(C.sum(axis=1), 1)")}),
    dict(name="recall_loop_divide", kind="restyled", keeps=["test_recall_per_class"],
         answers={"recall_per_class": (
             "def recall_per_class(C):\n"
             "    out = []\n"
             "    for k, row in enumerate(C):\n"
             "        total = sum(row)\n"
             "        out.append(row[k] / total if total else float('nan'))\n"
             "    return np.array(out)")}),
    dict(name="recall_plain_division_warns", kind="restyled", keeps=["test_recall_per_class"],
         answers={"recall_per_class": (
             "def recall_per_class(C):\n"
             "    C = np.asarray(C, dtype=np.float32)\n"
             "    return np.diag(C) / C.sum(axis=1)")}),
]
