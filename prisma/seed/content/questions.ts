import type { Difficulty, Localized } from '../../../judge/tasks/types';

/** Topics shared by concept questions and coding tasks. The site filters the bank by topic. */
export const conceptTopics = [
  'clustering',
  'dimensionality-reduction',
  'association-rules',
  'generative-models',
  'attention',
  'sequence-models',
  'graph-neural-networks',
  'convolutional-networks',
] as const;

export type ConceptTopic = (typeof conceptTopics)[number];

/** One concept (interview) question of the bank, in both site languages. */
export interface ConceptQuestionSeed {
  /** Stable key for upserts, e.g. "kmeans-principles". */
  slug: string;
  topic: ConceptTopic;
  difficulty: Difficulty;
  tags: string[];
  /** 1-based place in the bank, in the order the questions are listed. */
  position: number;
  title: Localized;
  prompt: Localized;
  /** Markdown with KaTeX math ($…$ and $$…$$). */
  referenceAnswer: Localized;
  /** Key points a grader ticks off, each one short sentence. */
  rubric: Localized[];
}

// Answers are String.raw templates so that LaTeX commands such as \frac and \top keep their
// backslashes. No answer may contain a backtick or a dollar sign followed by a brace.
const md = String.raw;

export const conceptQuestions: ConceptQuestionSeed[] = [
  {
    slug: 'kmeans-principles',
    topic: 'clustering',
    difficulty: 'easy',
    tags: ['k-means', 'clustering', 'unsupervised-learning'],
    position: 1,
    title: {
      'zh-CN': 'K-means聚类的原理与优缺点',
      en: 'K-means clustering: principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍K-means聚类算法的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the K-means clustering algorithm and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** K-means splits $n$ points into $k$ clusters by minimising the within-cluster sum of squared distances (the inertia):

$$J = \sum_{j=1}^{k} \sum_{x_i \in C_j} \lVert x_i - \mu_j \rVert^2$$

Lloyd's algorithm alternates two steps until the assignments stop changing: assign every point to its nearest centroid, then move every centroid to the mean of the points assigned to it. Neither step can increase $J$ and there are finitely many partitions, so the algorithm converges, but only to a local minimum. One iteration costs $O(nkd)$.

**Strengths.**
- Simple, fast and scalable to large $n$; mini-batch k-means handles streams.
- The result (a centroid per cluster) is easy to interpret and doubles as vector quantisation.

**Weaknesses.**
- $k$ must be chosen in advance, for example with the elbow method, the silhouette score or the gap statistic.
- The result depends on the initial centroids. Use k-means++ seeding and several restarts, and keep the run with the lowest inertia.
- It assumes convex, roughly spherical clusters of similar size and spread, because it measures Euclidean distance to a mean. Elongated, nested or very unequal clusters are split wrongly.
- It is sensitive to feature scale (standardise first) and to outliers, which drag the means; k-medoids is more robust.
- Every point is assigned to a cluster; there is no notion of noise.

**When to use.** Numeric features, many points, compact blob-like groups; a fast baseline before trying GMMs, DBSCAN or spectral clustering.

**Common follow-up.** *Is the result optimal?* No: finding the global minimum of $J$ is NP-hard, and Lloyd's algorithm only guarantees a local one. k-means++ picks each new centre with probability proportional to $D(x)^2$, the squared distance to the nearest centre already chosen, which gives an expected inertia within $O(\log k)$ of the optimum.`,
      'zh-CN': md`**原理。** K-means把 $n$ 个点划分为 $k$ 个簇，目标是最小化簇内误差平方和（inertia）：

$$J = \sum_{j=1}^{k} \sum_{x_i \in C_j} \lVert x_i - \mu_j \rVert^2$$

Lloyd算法交替执行两步，直到分配不再变化：把每个点分配给最近的质心；再把每个质心移到分配给它的点的均值处。两步都不会使 $J$ 增大，而划分的数目有限，所以算法一定收敛，但只收敛到局部最优。每次迭代的代价为 $O(nkd)$。

**优点。**
- 简单、快速，能扩展到大规模数据；mini-batch k-means可处理数据流。
- 结果（每簇一个质心）易于解释，也可直接用于向量量化。

**缺点。**
- 必须预先指定 $k$，可借助肘部法、轮廓系数或gap statistic选择。
- 结果依赖初始质心。应使用k-means++初始化并多次重启，保留inertia最小的一次。
- 它以到均值的欧氏距离度量簇，隐含假设簇是凸的、近似球形、大小和离散程度相近；对细长、嵌套或大小悬殊的簇会划分错误。
- 对特征尺度敏感（先标准化），也对离群点敏感，离群点会把均值拉偏；k-medoids更稳健。
- 每个点都会被分到某个簇，没有“噪声”的概念。

**适用场景。** 数值特征、样本量大、簇呈紧凑团状；也常作为尝试GMM、DBSCAN或谱聚类之前的快速基线。

**常见追问。** *结果是全局最优吗？* 不是：求 $J$ 的全局最小是NP难问题，Lloyd算法只保证局部最优。k-means++按与已选中心最近距离的平方 $D(x)^2$ 成比例的概率选择下一个中心，其期望inertia不超过最优值的 $O(\log k)$ 倍。`,
    },
    rubric: [
      {
        en: 'Minimises the within-cluster sum of squared distances by alternating nearest-centroid assignment and mean updates.',
        'zh-CN': '通过交替执行“分配到最近质心”和“更新为簇均值”来最小化簇内误差平方和。',
      },
      {
        en: 'Converges only to a local optimum that depends on initialisation; k-means++ and restarts help.',
        'zh-CN': '只收敛到依赖初始化的局部最优；k-means++和多次重启可以缓解。',
      },
      {
        en: 'Requires k in advance and names a way to choose it (elbow, silhouette).',
        'zh-CN': '需要预先指定k，并能说出选择k的方法（肘部法、轮廓系数）。',
      },
      {
        en: 'Assumes roughly spherical, convex clusters of similar size and fails on other shapes.',
        'zh-CN': '假设簇近似球形、凸且大小相近，对其他形状的簇效果差。',
      },
      {
        en: 'Is sensitive to feature scale and outliers, and has no notion of noise.',
        'zh-CN': '对特征尺度和离群点敏感，且没有噪声的概念。',
      },
      {
        en: 'Is simple and fast, at O(nkd) per iteration.',
        'zh-CN': '简单快速，每次迭代代价为O(nkd)。',
      },
    ],
  },
  {
    slug: 'pca-principles',
    topic: 'dimensionality-reduction',
    difficulty: 'medium',
    tags: ['pca', 'dimensionality-reduction', 'eigendecomposition', 'svd'],
    position: 2,
    title: {
      'zh-CN': '主成分分析（PCA）的原理与优缺点',
      en: 'Principal component analysis (PCA): principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍主成分分析（PCA）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of principal component analysis (PCA) and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** PCA finds orthogonal directions along which the data varies most. Centre the data by subtracting each column's mean, form the sample covariance matrix

$$\Sigma = \frac{1}{n-1} X_c^\top X_c,$$

and take its eigenvectors sorted by decreasing eigenvalue. The eigenvectors are the principal components and each eigenvalue $\lambda_j$ is the variance along its component. Keeping the top $k$ components as the columns of $W_k$ gives the projection $Z = X_c W_k$. Numerically one uses the SVD $X_c = U S V^\top$: the components are the columns of $V$ and $\lambda_j = s_j^2/(n-1)$. Equivalently, PCA is the rank-$k$ linear projection with the smallest squared reconstruction error. The explained-variance ratio $\lambda_j / \sum_i \lambda_i$ guides the choice of $k$, for example enough components to keep 95% of the variance.

**Strengths.**
- Simple and deterministic, with one hyperparameter, $k$.
- Decorrelates features, compresses data, speeds up later models and allows 2-D or 3-D plots.
- Discarding low-variance directions often removes noise.

**Weaknesses.**
- It is linear and misses curved structure; kernel PCA, autoencoders or t-SNE/UMAP (for plots) handle nonlinear manifolds.
- It is sensitive to feature scale, so standardise when units differ, or the largest-unit feature dominates.
- Variance uses squared deviations, so outliers can rotate the components; robust PCA exists for this.
- Components are mixtures of all features and hard to interpret. Maximum variance is not maximum class separation, so a low-variance direction that separates classes can be dropped (LDA uses labels).
- The dropped directions are lost; reconstruction is only approximate.
- Cost: $O(nd^2)$ for the covariance plus $O(d^3)$ for the eigendecomposition; randomised SVD helps when $d$ is large.

**Common follow-up.** *Why centre the data first?* Without centring, the first component points towards the mean rather than along the direction of greatest spread.`,
      'zh-CN': md`**原理。** PCA寻找数据方差最大的一组正交方向。先对每一列减去均值（中心化），构造样本协方差矩阵

$$\Sigma = \frac{1}{n-1} X_c^\top X_c,$$

并按特征值从大到小取其特征向量。特征向量就是主成分，特征值 $\lambda_j$ 是数据在该方向上的方差。把前 $k$ 个主成分作为 $W_k$ 的列，投影为 $Z = X_c W_k$。数值上通常用SVD：$X_c = U S V^\top$，主成分是 $V$ 的列，$\lambda_j = s_j^2/(n-1)$。等价地，PCA是在所有秩为 $k$ 的线性投影中重构平方误差最小的那一个。解释方差比 $\lambda_j / \sum_i \lambda_i$ 用于选择 $k$，例如保留95%方差所需的主成分个数。

**优点。**
- 简单、结果确定，只有一个超参数 $k$。
- 去除特征相关性、压缩数据、加速后续模型，并可在二维或三维中可视化。
- 丢弃低方差方向往往能去除部分噪声。

**缺点。**
- 它是线性方法，无法刻画弯曲的结构；非线性流形可用核PCA、自编码器，或用t-SNE/UMAP做可视化。
- 对特征尺度敏感：各特征单位不同时要先标准化，否则数值范围最大的特征会主导结果。
- 方差基于平方偏差，离群点会使主成分方向偏转；可用鲁棒PCA。
- 主成分是所有特征的线性组合，难以解释。方差最大不等于类别区分度最大，能区分类别的低方差方向可能被丢弃（LDA利用标签解决此问题）。
- 被丢弃的方向上的信息无法恢复，重构只是近似。
- 代价：计算协方差 $O(nd^2)$，特征分解 $O(d^3)$；$d$ 很大时可用随机化SVD。

**常见追问。** *为什么要先中心化？* 不中心化时，第一主成分会指向数据均值的方向，而不是离散程度最大的方向。`,
    },
    rubric: [
      {
        en: 'Centres the data and takes eigenvectors of the covariance matrix (or the SVD) as orthogonal directions of maximal variance.',
        'zh-CN': '对数据中心化，取协方差矩阵的特征向量（或用SVD）作为方差最大的正交方向。',
      },
      {
        en: 'Projects onto the top-k components and uses eigenvalues (explained variance) to choose k.',
        'zh-CN': '投影到前k个主成分上，并用特征值（解释方差）选择k。',
      },
      {
        en: 'States that PCA is linear and cannot capture nonlinear structure.',
        'zh-CN': '指出PCA是线性方法，无法刻画非线性结构。',
      },
      {
        en: 'States that PCA is sensitive to feature scale (standardise first) and to outliers.',
        'zh-CN': '指出PCA对特征尺度敏感（需先标准化），也对离群点敏感。',
      },
      {
        en: 'Notes that maximum variance need not be discriminative and components are hard to interpret.',
        'zh-CN': '指出方差最大的方向不一定有区分度，且主成分难以解释。',
      },
      {
        en: 'Names benefits such as decorrelation, compression, denoising and visualisation.',
        'zh-CN': '说出去相关、压缩、去噪、可视化等好处。',
      },
    ],
  },
  {
    slug: 'autoencoder-principles',
    topic: 'dimensionality-reduction',
    difficulty: 'medium',
    tags: ['autoencoder', 'representation-learning', 'neural-network'],
    position: 3,
    title: {
      'zh-CN': '自编码器（Autoencoder）的原理与优缺点',
      en: 'Autoencoders: principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍自编码器（Autoencoder）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the autoencoder and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** An autoencoder is a neural network trained to reproduce its input. An encoder maps the input to a code, $z = f_\theta(x)$, and a decoder maps the code back, $\hat{x} = g_\phi(z)$. Training minimises a reconstruction loss with the input as its own target, for example the mean squared error

$$L = \frac{1}{n} \sum_i \lVert x_i - g_\phi(f_\theta(x_i)) \rVert^2,$$

or binary cross-entropy for inputs in $[0, 1]$. The input can be any vector, image or sequence; it does not have to be a sequence.

**Avoiding the identity.** A network that can simply copy its input learns nothing useful. Useful codes come from a constraint: an undercomplete bottleneck (code smaller than the input), a sparsity penalty on the code, a denoising objective (reconstruct the clean input from a corrupted one) or a contractive penalty on the encoder's Jacobian.

**Relation to PCA.** A linear autoencoder with a $k$-unit bottleneck and squared error learns the same subspace as the top $k$ principal components, though not necessarily the same orthogonal basis. Nonlinear layers turn it into nonlinear dimensionality reduction.

**Strengths.**
- Learns nonlinear features from unlabelled data; any architecture fits (dense, convolutional, recurrent).
- Used for compression, denoising, anomaly detection (a high reconstruction error flags unusual inputs) and pre-training.

**Weaknesses.**
- Needs more data, compute and tuning (bottleneck size, depth, regularisation) than PCA, and can overfit small data sets.
- The code space of a plain autoencoder is not organised for sampling, so decoding random codes gives poor outputs. A variational autoencoder adds a probabilistic, KL-regularised latent space for generation.
- Squared-error reconstructions of images tend to be blurry, and the learned features are hard to interpret.

**Common follow-up.** *How does it differ from a VAE?* A VAE's encoder outputs a distribution $q(z \mid x)$, and training maximises the evidence lower bound: reconstruction minus the KL divergence to a prior $p(z)$.`,
      'zh-CN': md`**原理。** 自编码器是一种以重构自身输入为训练目标的神经网络。编码器把输入映射为编码 $z = f_\theta(x)$，解码器再把编码映射回输入空间 $\hat{x} = g_\phi(z)$。训练时以输入本身为目标，最小化重构损失，例如均方误差

$$L = \frac{1}{n} \sum_i \lVert x_i - g_\phi(f_\theta(x_i)) \rVert^2,$$

对取值在 $[0, 1]$ 内的输入也常用二元交叉熵。输入可以是任意向量、图像或序列，并不限于序列。

**避免学到恒等映射。** 如果网络能直接复制输入，它什么有用的东西也学不到。有用的编码来自约束：欠完备的瓶颈（编码维度小于输入）、对编码的稀疏惩罚、去噪目标（从加噪输入重构干净输入），或对编码器雅可比矩阵的收缩惩罚。

**与PCA的关系。** 采用线性层、$k$ 维瓶颈和平方误差的自编码器学到的子空间与前 $k$ 个主成分相同，但基不一定正交。加入非线性层后，它就成为非线性降维方法。

**优点。**
- 可从无标签数据中学习非线性特征，任意网络结构均可使用（全连接、卷积、循环）。
- 可用于压缩、去噪、异常检测（重构误差大的输入视为异常）和预训练。

**缺点。**
- 比PCA需要更多数据、算力和调参（瓶颈大小、深度、正则化），小数据集上容易过拟合。
- 普通自编码器的编码空间并不适合采样，随机编码解码出的结果很差；变分自编码器（VAE）引入带KL正则的概率隐空间，才适合生成。
- 用平方误差重构的图像往往模糊，学到的特征也难以解释。

**常见追问。** *它与VAE有何不同？* VAE的编码器输出一个分布 $q(z \mid x)$，训练时最大化证据下界：重构项减去与先验 $p(z)$ 的KL散度。`,
    },
    rubric: [
      {
        en: 'An encoder maps the input to a code and a decoder reconstructs it, trained on a reconstruction loss with the input as target.',
        'zh-CN': '编码器把输入映射为编码，解码器重构输入，以输入为目标、用重构损失训练。',
      },
      {
        en: 'Needs a bottleneck or regularisation (sparse, denoising, contractive), or it can learn the identity.',
        'zh-CN': '需要瓶颈或正则化（稀疏、去噪、收缩），否则可能学成恒等映射。',
      },
      {
        en: 'A linear autoencoder with squared error spans the PCA subspace; nonlinear layers generalise it.',
        'zh-CN': '线性自编码器加平方误差张成的是PCA子空间，非线性层使其推广为非线性降维。',
      },
      {
        en: 'Names uses: dimensionality reduction, denoising, anomaly detection by reconstruction error, pre-training.',
        'zh-CN': '说出用途：降维、去噪、用重构误差做异常检测、预训练。',
      },
      {
        en: 'Names weaknesses: data, compute and tuning needs, and an unstructured code space that a VAE fixes for generation.',
        'zh-CN': '说出缺点：需要数据、算力和调参，编码空间无结构，生成任务需用VAE。',
      },
    ],
  },
  {
    slug: 'apriori-principles',
    topic: 'association-rules',
    difficulty: 'easy',
    tags: ['apriori', 'association-rules', 'frequent-itemsets'],
    position: 4,
    title: {
      'zh-CN': 'Apriori算法的原理与优缺点',
      en: 'The Apriori algorithm: principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍Apriori算法的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the Apriori algorithm and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** Apriori mines association rules from transactions in two stages: find every frequent itemset, then derive rules from them. For itemsets $X$ and $Y$:

$$\text{supp}(X) = \frac{|\{t : X \subseteq t\}|}{N}, \quad \text{conf}(X \Rightarrow Y) = \frac{\text{supp}(X \cup Y)}{\text{supp}(X)}, \quad \text{lift} = \frac{\text{conf}(X \Rightarrow Y)}{\text{supp}(Y)}$$

An itemset is frequent when its support is at least the minimum support; a rule is kept when its confidence is at least the minimum confidence.

The key is the **Apriori property** (anti-monotonicity): every subset of a frequent itemset is frequent, so every superset of an infrequent itemset is infrequent. The search is level-wise:
1. Scan the data to find the frequent single items $L_1$.
2. Join frequent $k$-itemsets that share their first $k-1$ items into candidates $C_{k+1}$, and prune every candidate that has an infrequent $k$-subset.
3. Scan the data again to count the candidates; the frequent ones form $L_{k+1}$. Repeat until no candidate survives.
4. For each frequent itemset, test every split into antecedent and consequent against the confidence threshold.

**Strengths.** Simple, exact (it finds all frequent itemsets), and the rules are easy to read; the pruning makes it practical on sparse baskets.

**Weaknesses.**
- Candidate generation can explode: $m$ frequent items give up to $m(m-1)/2$ candidate pairs, and low thresholds make every level huge.
- Each level needs a full pass over the data, so mining itemsets of size $k$ costs $k$ scans.
- Thresholds are hard to set: too high misses rare but valuable items, too low floods the output.
- Support and confidence alone can mislead. A rule whose consequent is common anyway has high confidence but lift near or below 1, so check lift.

**Alternatives.** FP-growth compresses the data into an FP-tree in two scans and grows itemsets from it without generating candidates; Eclat intersects per-item transaction-id lists.

**Common follow-up.** *Why is FP-growth usually faster?* It replaces repeated scans and candidate sets with recursive mining of conditional FP-trees.`,
      'zh-CN': md`**原理。** Apriori分两个阶段从交易数据中挖掘关联规则：先找出所有频繁项集，再由它们生成规则。对项集 $X$、$Y$：

$$\text{supp}(X) = \frac{|\{t : X \subseteq t\}|}{N}, \quad \text{conf}(X \Rightarrow Y) = \frac{\text{supp}(X \cup Y)}{\text{supp}(X)}, \quad \text{lift} = \frac{\text{conf}(X \Rightarrow Y)}{\text{supp}(Y)}$$

支持度不低于最小支持度的项集是频繁项集；置信度不低于最小置信度的规则被保留。

关键是 **Apriori性质**（反单调性）：频繁项集的所有子集都是频繁的，因此非频繁项集的所有超集都不频繁。搜索逐层进行：
1. 扫描数据，找出频繁1项集 $L_1$。
2. 把前 $k-1$ 项相同的频繁 $k$ 项集连接成候选集 $C_{k+1}$，并剪掉含有非频繁 $k$ 项子集的候选。
3. 再次扫描数据统计候选的支持度，频繁者构成 $L_{k+1}$；重复直到没有候选。
4. 对每个频繁项集，枚举前件与后件的所有划分，按置信度阈值筛选规则。

**优点。** 简单、结果精确（能找出全部频繁项集），规则易于理解；剪枝使它在稀疏的购物篮数据上可用。

**缺点。**
- 候选集可能爆炸：$m$ 个频繁单项最多产生 $m(m-1)/2$ 个候选二项集，阈值较低时每一层都很庞大。
- 每一层都要完整扫描一遍数据，挖掘长度为 $k$ 的项集需要 $k$ 次扫描。
- 阈值难以设定：太高会漏掉稀有但有价值的项，太低则结果泛滥。
- 只看支持度和置信度可能产生误导：后件本身就很常见时，规则置信度高但提升度接近或低于1，应检查提升度。

**替代方法。** FP-growth只需两次扫描就把数据压缩成FP树，并在树上增长项集而不生成候选集；Eclat则对每个项的交易编号列表求交集。

**常见追问。** *为什么FP-growth通常更快？* 它用对条件FP树的递归挖掘代替了反复扫描数据和生成候选集。`,
    },
    rubric: [
      {
        en: 'Defines support and confidence (ideally lift) and the two minimum thresholds.',
        'zh-CN': '定义支持度和置信度（最好还有提升度）以及两个最小阈值。',
      },
      {
        en: 'States the Apriori property: all subsets of a frequent itemset are frequent, which prunes candidates.',
        'zh-CN': '说明Apriori性质：频繁项集的子集都频繁，并用它剪枝候选集。',
      },
      {
        en: 'Describes the level-wise loop of join, prune and counting scan, then rule generation.',
        'zh-CN': '描述逐层的连接、剪枝、扫描计数，再生成规则的流程。',
      },
      {
        en: 'Names the cost: candidate explosion at low support and one database scan per level.',
        'zh-CN': '指出代价：低支持度时候选集爆炸，每层一次数据库扫描。',
      },
      {
        en: 'Mentions FP-growth (no candidate generation, two scans) or Eclat as alternatives.',
        'zh-CN': '提到FP-growth（不生成候选集，两次扫描）或Eclat等替代方法。',
      },
      {
        en: 'Notes that high confidence can mislead and lift corrects for the consequent’s base rate.',
        'zh-CN': '指出高置信度可能误导，提升度可校正后件本身的出现率。',
      },
    ],
  },
  {
    slug: 'dbscan-principles',
    topic: 'clustering',
    difficulty: 'medium',
    tags: ['dbscan', 'density-based-clustering', 'clustering', 'outlier-detection'],
    position: 5,
    title: {
      'zh-CN': 'DBSCAN算法的原理与优缺点',
      en: 'DBSCAN: principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍DBSCAN算法的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the DBSCAN algorithm and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** DBSCAN (density-based spatial clustering of applications with noise) defines clusters as dense regions separated by sparse ones. It has two parameters, a radius $\varepsilon$ and a count minPts. The $\varepsilon$-neighbourhood of a point $p$ is

$$N_\varepsilon(p) = \{\, q : \operatorname{dist}(p, q) \le \varepsilon \,\},$$

which includes $p$ itself.
- A **core point** has $|N_\varepsilon(p)| \ge \text{minPts}$.
- A **border point** is not core but lies within $\varepsilon$ of a core point.
- A **noise point** is neither.

The algorithm starts a cluster at an unvisited core point and expands it: every neighbour joins the cluster, and the neighbourhoods of neighbours that are themselves core points are added in turn. A cluster is thus a maximal set of density-connected points. Core points and noise are determined uniquely; a border point within reach of two clusters goes to whichever reaches it first, so its label depends on the processing order.

**Strengths.**
- No number of clusters is needed, and clusters can have arbitrary, non-convex shapes.
- Outliers are labelled as noise instead of being forced into a cluster.

**Weaknesses.**
- It is sensitive to $\varepsilon$ and minPts: a small change in $\varepsilon$ can merge two clusters or dissolve one into noise. A common heuristic sets minPts to about $2d$ and reads $\varepsilon$ off the elbow of the sorted $k$-nearest-neighbour distance plot.
- One global density threshold fails when clusters have very different densities; OPTICS and HDBSCAN address this.
- In high dimensions distances concentrate and $\varepsilon$ loses meaning, and features must be scaled comparably.
- Cost: one range query per point. With a spatial index (k-d tree, ball tree, R*-tree) in low dimensions this averages about $O(n \log n)$; without an index, in high dimensions or with a large $\varepsilon$ it is $O(n^2)$.

**Common follow-up.** *How do you choose $\varepsilon$?* Plot each point's distance to its $k$-th nearest neighbour ($k$ = minPts − 1 or minPts) in sorted order and pick the distance at the knee.`,
      'zh-CN': md`**原理。** DBSCAN（基于密度的带噪声空间聚类）把被稀疏区域隔开的稠密区域视为簇。它有两个参数：半径 $\varepsilon$ 和点数minPts。点 $p$ 的 $\varepsilon$ 邻域为

$$N_\varepsilon(p) = \{\, q : \operatorname{dist}(p, q) \le \varepsilon \,\},$$

其中包含 $p$ 自身。
- **核心点**：$|N_\varepsilon(p)| \ge \text{minPts}$。
- **边界点**：不是核心点，但落在某个核心点的 $\varepsilon$ 邻域内。
- **噪声点**：两者都不是。

算法从一个未访问的核心点开始新建一个簇并向外扩展：它的邻居都加入该簇，邻居中的核心点再把各自的邻域加进来。因此一个簇是密度相连点的极大集合。核心点和噪声点是唯一确定的；而同时能被两个簇到达的边界点归属于先到达它的簇，其标签依赖处理顺序。

**优点。**
- 不需要指定簇的个数，簇可以是任意形状（包括非凸形状）。
- 离群点被标记为噪声，而不是被强行分入某个簇。

**缺点。**
- 对 $\varepsilon$ 和minPts很敏感：$\varepsilon$ 稍有变化就可能使两个簇合并，或使一个簇变成噪声。常用经验是取minPts约为 $2d$，并从排序后的 $k$ 近邻距离图的拐点读出 $\varepsilon$。
- 单一的全局密度阈值无法处理密度差异很大的簇；OPTICS和HDBSCAN可以解决这一问题。
- 在高维空间中距离趋于集中，$\varepsilon$ 失去意义；各特征也需要缩放到可比的尺度。
- 代价：每个点做一次范围查询。低维且使用空间索引（k-d树、球树、R*树）时平均约为 $O(n \log n)$；没有索引、维度很高或 $\varepsilon$ 很大时为 $O(n^2)$。

**常见追问。** *如何选择 $\varepsilon$？* 计算每个点到其第 $k$ 个近邻的距离（$k$ 取minPts − 1或minPts），排序后作图，取拐点处的距离。`,
    },
    rubric: [
      {
        en: 'Defines the ε-neighbourhood and core (at least minPts points, itself included), border and noise points.',
        'zh-CN': '定义ε邻域以及核心点（邻域内至少minPts个点，含自身）、边界点和噪声点。',
      },
      {
        en: 'Explains that clusters grow from core points through density-reachability, with no k and arbitrary shapes.',
        'zh-CN': '说明簇从核心点经密度可达关系扩展而成，无需k，可为任意形状。',
      },
      {
        en: 'States that DBSCAN is sensitive to ε and minPts, and how to choose them (k-distance plot).',
        'zh-CN': '指出DBSCAN对ε和minPts敏感，并说明选择方法（k距离图）。',
      },
      {
        en: 'Notes that one density threshold fails for clusters of varying density (OPTICS, HDBSCAN) and in high dimensions.',
        'zh-CN': '指出单一密度阈值无法处理密度不同的簇（OPTICS、HDBSCAN），在高维中也效果差。',
      },
      {
        en: 'Gives the cost: about O(n log n) with a spatial index in low dimensions, O(n²) without.',
        'zh-CN': '给出复杂度：低维且有空间索引时约O(n log n)，否则为O(n²)。',
      },
      {
        en: 'Notes that border points can depend on processing order while core points and noise do not.',
        'zh-CN': '指出边界点的归属可能依赖处理顺序，而核心点和噪声点不会。',
      },
    ],
  },
  {
    slug: 'hierarchical-clustering-principles',
    topic: 'clustering',
    difficulty: 'medium',
    tags: ['hierarchical-clustering', 'agglomerative-clustering', 'linkage', 'dendrogram'],
    position: 6,
    title: {
      'zh-CN': '层次聚类（Hierarchical Clustering）的原理与优缺点',
      en: 'Hierarchical clustering: principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍层次聚类（Hierarchical Clustering）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of hierarchical clustering and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** Hierarchical clustering builds a nested tree of clusters, the dendrogram. The common form is **agglomerative** (bottom-up): start with every point as its own cluster and repeatedly merge the two closest clusters until one remains. **Divisive** clustering works top-down, for example by repeatedly splitting with 2-means (bisecting k-means).

The distance between two clusters is set by the **linkage**:
- single: the minimum pairwise distance; it follows chains and finds elongated shapes, but one noisy bridge merges two groups;
- complete: the maximum pairwise distance; it gives compact clusters but is sensitive to outliers;
- average (UPGMA): the mean pairwise distance, a compromise;
- Ward: merge the pair that least increases the total within-cluster sum of squares, $\Delta = \frac{|A||B|}{|A|+|B|} \lVert \mu_A - \mu_B \rVert^2$; it favours compact clusters of similar size and needs Euclidean distance.

After each merge the Lance–Williams formula updates the distances from the new cluster to all others. Cutting the dendrogram at a height, or where $k$ clusters remain, gives a flat clustering.

**Strengths.**
- No $k$ is needed in advance; the tree shows the structure at every scale and suits exploratory analysis (a dendrogram is easy to read).
- Works with any distance or similarity measure, and the result is deterministic apart from ties.

**Weaknesses.**
- Cost: the distance matrix needs $O(n^2)$ memory. The naive algorithm takes $O(n^3)$ time and a priority-queue version $O(n^2 \log n)$. Single linkage has $O(n^2)$ algorithms (SLINK, minimum spanning tree). This limits it to roughly tens of thousands of points.
- Merges are greedy and irreversible: an early bad merge can never be undone, and no global objective is optimised.
- Results change a lot with the linkage, and noise, outliers and feature scaling all matter.

**Common follow-up.** *Which linkage would you pick?* Ward for compact, similar-sized groups; single for elongated or chained shapes, when the data is clean; average as a robust default. Compare choices with the cophenetic correlation, and cut where the gap between successive merge heights is largest.`,
      'zh-CN': md`**原理。** 层次聚类构建一棵嵌套的簇树，即树状图（dendrogram）。最常见的是**凝聚式**（自底向上）：开始时每个点各自成一簇，反复合并距离最近的两个簇，直到只剩一个簇。**分裂式**则自顶向下，例如反复用2-means切分（二分k-means）。

两个簇之间的距离由**连接方式（linkage）**决定：
- single（最短距离）：取两簇间点对的最小距离；能沿链状结构找到细长的簇，但一条噪声“桥”就会把两组点并在一起；
- complete（最长距离）：取最大距离；得到紧凑的簇，但对离群点敏感；
- average（UPGMA）：取平均距离，是一种折中；
- Ward：合并使簇内总平方和增量最小的一对簇，$\Delta = \frac{|A||B|}{|A|+|B|} \lVert \mu_A - \mu_B \rVert^2$；偏好紧凑、大小相近的簇，且要求欧氏距离。

每次合并后，用Lance–Williams公式更新新簇到其他各簇的距离。在某个高度切割树状图，或在剩下 $k$ 个簇时停止，即得到平面划分。

**优点。**
- 不需要预先指定 $k$；簇树展示了各个尺度上的结构，适合探索性分析，树状图也直观易读。
- 可使用任意距离或相似度度量，除并列情况外结果是确定的。

**缺点。**
- 代价：距离矩阵需要 $O(n^2)$ 内存；朴素算法需要 $O(n^3)$ 时间，基于优先队列的实现为 $O(n^2 \log n)$；single linkage有 $O(n^2)$ 的算法（SLINK、最小生成树）。因此通常只适用于几万个点以内的数据。
- 合并是贪心且不可撤销的：早期的错误合并无法纠正，也没有优化任何全局目标。
- 结果随连接方式变化很大，并受噪声、离群点和特征缩放影响。

**常见追问。** *你会选哪种连接方式？* 簇紧凑且大小相近时用Ward；簇细长或呈链状且数据干净时用single；average是稳健的默认选择。可用共表相关系数（cophenetic correlation）比较不同选择，并在相邻合并高度差距最大处切割。`,
    },
    rubric: [
      {
        en: 'Describes agglomerative merging of the two closest clusters (or divisive splitting), producing a dendrogram.',
        'zh-CN': '描述凝聚式反复合并最近的两个簇（或分裂式切分），得到树状图。',
      },
      {
        en: 'Names linkages (single, complete, average, Ward) and how the choice changes the clusters.',
        'zh-CN': '说出连接方式（single、complete、average、Ward）及其选择对结果的影响。',
      },
      {
        en: 'Explains that k is chosen afterwards by cutting the dendrogram.',
        'zh-CN': '说明k可以事后通过切割树状图来选择。',
      },
      {
        en: 'Gives the cost: O(n²) memory and O(n² log n) to O(n³) time, so it does not scale to large n.',
        'zh-CN': '给出代价：O(n²)内存、O(n² log n)到O(n³)时间，难以扩展到大规模数据。',
      },
      {
        en: 'Notes that merges are greedy and irreversible and that noise and outliers affect the result.',
        'zh-CN': '指出合并是贪心且不可撤销的，噪声和离群点会影响结果。',
      },
    ],
  },
  {
    slug: 'dbn-principles',
    topic: 'generative-models',
    difficulty: 'hard',
    tags: ['deep-belief-network', 'rbm', 'contrastive-divergence', 'pre-training'],
    position: 7,
    title: {
      'zh-CN': '深度信念网络（DBN）的原理与优缺点',
      en: 'Deep belief networks (DBN): principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍深度信念网络（Deep Belief Network，DBN）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the deep belief network (DBN) and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** A deep belief network (Hinton, Osindero and Teh, 2006) is a generative model built by stacking restricted Boltzmann machines (RBMs). Its top two layers form an undirected RBM; the lower layers are directed, top-down connections.

An RBM is a bipartite energy model with visible units $v$ and hidden units $h$:

$$E(v, h) = -b^\top v - c^\top h - v^\top W h, \qquad p(h_j = 1 \mid v) = \sigma\big(c_j + (v^\top W)_j\big), \qquad p(v_i = 1 \mid h) = \sigma\big(b_i + (W h)_i\big).$$

Units in one layer are conditionally independent given the other layer. The exact likelihood gradient needs the intractable partition function, so training uses **contrastive divergence** (CD-$k$, usually $k = 1$):

$$\Delta W \propto \langle v h^\top \rangle_{\text{data}} - \langle v h^\top \rangle_{\text{reconstruction}},$$

where the second term comes from $k$ steps of Gibbs sampling started at the data.

**Training a DBN.**
1. Greedy layer-wise pre-training: train the first RBM on the data, then use its hidden activations as the data for the next RBM, and so on. When a new layer is initialised suitably, adding it cannot lower a variational bound on the log-likelihood.
2. Fine-tuning: for classification, unroll the stack into a feed-forward sigmoid network initialised with the RBM weights, add an output layer and train with backpropagation; for generation, use the wake–sleep (up–down) algorithm.

**Strengths.**
- Learns features from unlabelled data and, in 2006, made deep networks trainable when labels were scarce.
- It is a generative model, so it can sample data.

**Weaknesses.**
- Training is slow and approximate: CD gives a biased gradient, Gibbs chains mix slowly, and there are many hyperparameters (learning rate, number of CD steps, momentum, weight decay).
- The likelihood cannot be computed, so progress is hard to monitor; reconstruction error is only a proxy.
- Binary units fit real-valued data poorly (Gaussian–Bernoulli RBMs exist).
- DBNs are now largely historical. ReLU, careful initialisation, batch normalisation and dropout let deep networks train end to end without pre-training, and VAEs, GANs and diffusion models generate far better samples.

**Common follow-up.** *How does a DBN differ from a deep Boltzmann machine?* A DBM is undirected in every layer, while a DBN is directed except for its top RBM.`,
      'zh-CN': md`**原理。** 深度信念网络（Hinton、Osindero和Teh，2006）是由受限玻尔兹曼机（RBM）堆叠而成的生成模型：最上面两层构成一个无向的RBM，下面各层是自顶向下的有向连接。

RBM是可见层 $v$ 与隐藏层 $h$ 构成二部图的能量模型：

$$E(v, h) = -b^\top v - c^\top h - v^\top W h, \qquad p(h_j = 1 \mid v) = \sigma\big(c_j + (v^\top W)_j\big), \qquad p(v_i = 1 \mid h) = \sigma\big(b_i + (W h)_i\big).$$

给定一层时，另一层内的单元相互条件独立。精确的似然梯度需要难以计算的配分函数，因此训练使用**对比散度**（CD-$k$，通常 $k = 1$）：

$$\Delta W \propto \langle v h^\top \rangle_{\text{data}} - \langle v h^\top \rangle_{\text{reconstruction}},$$

其中第二项来自从数据出发的 $k$ 步吉布斯采样。

**DBN的训练。**
1. 贪心逐层预训练：先用数据训练第一个RBM，再把它的隐藏层激活作为下一个RBM的训练数据，依此类推。只要新加的层初始化得当，加入它就不会降低对数似然的变分下界。
2. 微调：用于分类时，把整个堆叠展开为用RBM权重初始化的前馈sigmoid网络，加上输出层后用反向传播训练；用于生成时，使用wake–sleep（up–down）算法。

**优点。**
- 能从无标签数据中学习特征；2006年时，它让深层网络在标签稀缺的情况下变得可训练。
- 它是生成模型，可以采样生成数据。

**缺点。**
- 训练慢且是近似的：CD给出的是有偏梯度，吉布斯链混合慢，超参数多（学习率、CD步数、动量、权重衰减）。
- 似然无法计算，训练进展难以监控，重构误差只是一个替代指标。
- 二值单元不适合实值数据（可使用高斯–伯努利RBM）。
- DBN如今主要具有历史意义：ReLU、合理的初始化、批归一化和dropout使深层网络无需预训练即可端到端训练，而VAE、GAN和扩散模型的生成质量也远超DBN。

**常见追问。** *DBN与深度玻尔兹曼机（DBM）有何区别？* DBM的每一层都是无向连接，而DBN除顶部的RBM外都是有向连接。`,
    },
    rubric: [
      {
        en: 'Describes a DBN as stacked RBMs: an undirected top pair of layers and directed lower layers.',
        'zh-CN': '说明DBN由RBM堆叠而成：顶部两层无向，下面各层有向。',
      },
      {
        en: 'Describes the RBM: bipartite energy model with sigmoid conditionals and no intra-layer connections.',
        'zh-CN': '描述RBM：二部图能量模型，条件概率为sigmoid，层内无连接。',
      },
      {
        en: 'Explains greedy layer-wise pre-training with contrastive divergence (CD-1) in place of the intractable gradient.',
        'zh-CN': '说明用对比散度（CD-1）代替难以计算的梯度，进行贪心逐层预训练。',
      },
      {
        en: 'Mentions fine-tuning with backpropagation (or wake–sleep) after pre-training.',
        'zh-CN': '提到预训练后用反向传播（或wake–sleep）微调。',
      },
      {
        en: 'Names weaknesses: slow, approximate training, intractable likelihood, many hyperparameters.',
        'zh-CN': '说出缺点：训练慢且近似、似然不可计算、超参数多。',
      },
      {
        en: 'Notes that DBNs are largely historical, replaced by modern training methods and generative models.',
        'zh-CN': '指出DBN如今主要具有历史意义，已被现代训练方法和生成模型取代。',
      },
    ],
  },
  {
    slug: 'gan-principles',
    topic: 'generative-models',
    difficulty: 'medium',
    tags: ['gan', 'generative-models', 'adversarial-training', 'mode-collapse'],
    position: 8,
    title: {
      'zh-CN': '生成对抗网络（GAN）的原理与优缺点',
      en: 'Generative adversarial networks (GAN): principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍生成对抗网络（Generative Adversarial Network，GAN）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the generative adversarial network (GAN) and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** A GAN trains two networks against each other. The generator $G$ maps noise $z \sim p_z$ to samples; the discriminator $D$ outputs the probability that its input is real. They play the minimax game

$$\min_G \max_D \; \mathbb{E}_{x \sim p_{\text{data}}}[\log D(x)] + \mathbb{E}_{z \sim p_z}[\log(1 - D(G(z)))].$$

Training alternates gradient steps: update $D$ to classify real against generated samples (binary cross-entropy), then update $G$ to fool $D$. Early in training $D$ rejects fakes easily and $\log(1 - D(G(z)))$ has almost no gradient, so in practice $G$ minimises the **non-saturating** loss $-\log D(G(z))$ instead. For a fixed $G$ the optimal discriminator is $D^* = p_{\text{data}} / (p_{\text{data}} + p_g)$; against it the generator minimises $2\,\mathrm{JS}(p_{\text{data}} \,\Vert\, p_g) - \log 4$, so the global optimum is $p_g = p_{\text{data}}$ with $D = 1/2$ everywhere.

**Strengths.**
- Sharp, realistic samples, especially images, without an explicit likelihood.
- Sampling is a single forward pass.
- Flexible variants: conditional GANs, image-to-image translation (pix2pix, CycleGAN), super-resolution, StyleGAN.

**Weaknesses.** The real problems are in training, not overfitting.
- Training is unstable and often does not converge: it seeks a saddle point of a two-player game, not the minimum of one loss, so the losses oscillate and a falling loss does not mean better samples.
- Mode collapse: the generator covers only a few modes of the data and produces little variety.
- If $D$ becomes too strong, the generator's gradients vanish.
- Results are sensitive to architecture and hyperparameters.
- There is no likelihood, so evaluation relies on proxies such as FID, Inception Score, or precision and recall.

Common remedies are the Wasserstein loss with a gradient penalty (WGAN-GP), spectral normalisation, separate learning rates for $D$ and $G$ (TTUR) and minibatch discrimination. Diffusion models now often win on quality and diversity, at the price of slow sampling.

**Common follow-up.** *What is mode collapse and how do you detect it?* The generator maps many $z$ to nearly the same outputs; look for low sample diversity or low recall, and for whole classes or modes that never appear.`,
      'zh-CN': md`**原理。** GAN让两个网络相互对抗地训练。生成器 $G$ 把噪声 $z \sim p_z$ 映射为样本；判别器 $D$ 输出输入为真实数据的概率。二者进行极小极大博弈：

$$\min_G \max_D \; \mathbb{E}_{x \sim p_{\text{data}}}[\log D(x)] + \mathbb{E}_{z \sim p_z}[\log(1 - D(G(z)))].$$

训练时交替进行梯度更新：先更新 $D$，使其区分真实样本和生成样本（二元交叉熵）；再更新 $G$，使其骗过 $D$。训练初期 $D$ 很容易识别假样本，$\log(1 - D(G(z)))$ 几乎没有梯度，所以实践中 $G$ 改为最小化**非饱和**损失 $-\log D(G(z))$。对固定的 $G$，最优判别器为 $D^* = p_{\text{data}} / (p_{\text{data}} + p_g)$；面对它，生成器最小化的是 $2\,\mathrm{JS}(p_{\text{data}} \,\Vert\, p_g) - \log 4$，因此全局最优为 $p_g = p_{\text{data}}$，此时处处 $D = 1/2$。

**优点。**
- 无需显式似然就能生成清晰逼真的样本，尤其是图像。
- 采样只需一次前向传播。
- 变体丰富：条件GAN、图像到图像翻译（pix2pix、CycleGAN）、超分辨率、StyleGAN。

**缺点。** 主要问题在于训练，而不是过拟合。
- 训练不稳定，常常不收敛：它寻找的是双人博弈的鞍点，而不是单一损失的最小值，因此损失会振荡，损失下降也不代表样本变好。
- 模式崩溃（mode collapse）：生成器只覆盖数据分布的少数几个模式，样本缺乏多样性。
- 判别器过强时，生成器的梯度会消失。
- 对网络结构和超参数敏感。
- 没有似然，评估只能依赖FID、Inception Score、精确率与召回率等替代指标。

常用的改进包括带梯度惩罚的Wasserstein损失（WGAN-GP）、谱归一化、为 $D$ 和 $G$ 设置不同的学习率（TTUR）以及小批量判别。如今扩散模型在质量和多样性上常常更胜一筹，代价是采样较慢。

**常见追问。** *什么是模式崩溃，如何发现？* 生成器把许多不同的 $z$ 映射到几乎相同的输出；可观察样本多样性或召回率是否很低，以及是否有整类或整个模式从未出现。`,
    },
    rubric: [
      {
        en: 'Describes the generator mapping noise to samples and the discriminator classifying real against fake, with the minimax objective.',
        'zh-CN': '描述生成器把噪声映射为样本、判别器区分真假，并给出极小极大目标。',
      },
      {
        en: 'Explains alternating updates and the non-saturating generator loss −log D(G(z)).',
        'zh-CN': '说明交替更新以及非饱和生成器损失−log D(G(z))。',
      },
      {
        en: 'States that the equilibrium is p_g = p_data (the optimal discriminator gives a JS divergence).',
        'zh-CN': '指出均衡点为p_g = p_data（最优判别器下对应JS散度）。',
      },
      {
        en: 'Names unstable, non-convergent training and mode collapse as the main weaknesses, not overfitting.',
        'zh-CN': '指出主要缺点是训练不稳定、不收敛和模式崩溃，而不是过拟合。',
      },
      {
        en: 'Names a remedy such as WGAN-GP, spectral normalisation or TTUR.',
        'zh-CN': '说出一种改进方法，如WGAN-GP、谱归一化或TTUR。',
      },
      {
        en: 'Notes there is no likelihood, so evaluation uses proxies such as FID.',
        'zh-CN': '指出GAN没有似然，评估需用FID等替代指标。',
      },
    ],
  },
  {
    slug: 'self-attention-principles',
    topic: 'attention',
    difficulty: 'medium',
    tags: ['self-attention', 'attention', 'multi-head-attention', 'transformer'],
    position: 9,
    title: {
      'zh-CN': '自注意力机制（Self-Attention）的原理与优缺点',
      en: 'Self-attention: principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍自注意力机制（Self-Attention）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the self-attention mechanism and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** In self-attention every position of a sequence builds its output as a weighted average over all positions of the same sequence, with weights that depend on content. For inputs $X \in \mathbb{R}^{n \times d}$, three learned projections give queries, keys and values, $Q = XW_Q$, $K = XW_K$, $V = XW_V$, and

$$\text{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{Q K^\top}{\sqrt{d_k}}\right) V,$$

with the softmax taken over each row. If the components of $q$ and $k$ are independent with zero mean and unit variance, $q \cdot k$ has variance $d_k$; dividing by $\sqrt{d_k}$ keeps the logits at unit scale so the softmax does not saturate and its gradients do not vanish.

**Multi-head attention** runs $h$ heads with $d_k = d/h$ in parallel, each with its own projections, concatenates their outputs and applies an output projection $W_O$, so different heads can track different relations. **Masks** block pairs: a causal mask lets position $i$ see only positions $j \le i$ (for autoregressive decoding), and a padding mask hides padding tokens. Self-attention is permutation-equivariant, so order must be supplied by positional encodings.

**Strengths.**
- Any two positions interact in one step (path length $O(1)$), which helps with long-range dependencies.
- All positions are computed in parallel, unlike an RNN's step-by-step recurrence.
- Weights adapt to the input, and attention maps give some insight, though they are not faithful explanations.

**Weaknesses.**
- Time $O(n^2 \cdot d)$ and memory $O(n^2)$ per layer in the sequence length $n$, so long sequences are expensive. Sparse or local attention and linear-attention approximations reduce the cost; FlashAttention computes exact attention with $O(n)$ extra memory but still $O(n^2 d)$ operations.
- There is no built-in notion of order or locality, so it needs positional encodings and more data than convolutions or RNNs.

**Common follow-up.** *How does its cost compare with an RNN?* Per layer, self-attention needs $O(n^2 d)$ operations, $O(1)$ sequential steps and $O(1)$ path length; an RNN needs $O(n d^2)$ operations, $O(n)$ sequential steps and $O(n)$ path length. Attention is cheaper when $n < d$.`,
      'zh-CN': md`**原理。** 在自注意力中，序列的每个位置都以依赖内容的权重，对同一序列所有位置做加权平均，得到自己的输出。对输入 $X \in \mathbb{R}^{n \times d}$，三个可学习的投影给出查询、键和值：$Q = XW_Q$，$K = XW_K$，$V = XW_V$，然后

$$\text{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{Q K^\top}{\sqrt{d_k}}\right) V,$$

softmax对每一行分别计算。若 $q$、$k$ 的各分量相互独立、均值为0、方差为1，则 $q \cdot k$ 的方差为 $d_k$；除以 $\sqrt{d_k}$ 使logits保持单位尺度，softmax不会饱和，梯度也不会消失。

**多头注意力**并行运行 $h$ 个头，每个头有自己的投影，$d_k = d/h$；把各头的输出拼接后再经输出投影 $W_O$，不同的头可以捕捉不同的关系。**掩码**用于屏蔽某些位置对：因果掩码只允许位置 $i$ 看到 $j \le i$ 的位置（用于自回归解码），填充掩码则屏蔽填充符。自注意力对排列是等变的，因此顺序信息必须由位置编码提供。

**优点。**
- 任意两个位置一步即可交互（路径长度 $O(1)$），有利于捕捉长距离依赖。
- 所有位置并行计算，不像RNN那样逐步递推。
- 权重随输入自适应变化；注意力图能提供一定的洞察，但并不是可靠的解释。

**缺点。**
- 每层的时间复杂度为 $O(n^2 \cdot d)$、内存为 $O(n^2)$（$n$ 为序列长度），长序列代价高。稀疏或局部注意力、线性注意力近似可以降低代价；FlashAttention计算精确的注意力，只需 $O(n)$ 额外内存，但运算量仍为 $O(n^2 d)$。
- 没有内置的顺序或局部性概念，需要位置编码，也比卷积网络或RNN需要更多数据。

**常见追问。** *与RNN相比代价如何？* 每层自注意力需要 $O(n^2 d)$ 次运算、$O(1)$ 个顺序步骤、路径长度 $O(1)$；RNN需要 $O(n d^2)$ 次运算、$O(n)$ 个顺序步骤、路径长度 $O(n)$。当 $n < d$ 时注意力更便宜。`,
    },
    rubric: [
      {
        en: 'Derives Q, K and V as linear projections of the same input and gives softmax(QKᵀ/√d_k)V.',
        'zh-CN': '说明Q、K、V是同一输入的线性投影，并给出softmax(QKᵀ/√d_k)V。',
      },
      {
        en: 'Explains that the 1/√d_k scaling keeps logits at unit variance and prevents softmax saturation.',
        'zh-CN': '解释1/√d_k缩放使logits保持单位方差，避免softmax饱和。',
      },
      {
        en: 'Describes multi-head attention and causal or padding masks.',
        'zh-CN': '描述多头注意力以及因果掩码或填充掩码。',
      },
      {
        en: 'Names strengths: O(1) path between positions and parallel computation over positions.',
        'zh-CN': '说出优点：位置间路径长度为O(1)，各位置可并行计算。',
      },
      {
        en: 'States the cost: O(n²·d) time and O(n²) memory in sequence length n.',
        'zh-CN': '给出代价：对序列长度n为O(n²·d)时间和O(n²)内存。',
      },
      {
        en: 'Notes that attention is permutation-equivariant and needs positional encodings.',
        'zh-CN': '指出注意力对排列等变，需要位置编码。',
      },
    ],
  },
  {
    slug: 'gnn-principles',
    topic: 'graph-neural-networks',
    difficulty: 'medium',
    tags: ['gnn', 'gcn', 'message-passing', 'graph-learning'],
    position: 10,
    title: {
      'zh-CN': '图神经网络（GNN）的原理与优缺点',
      en: 'Graph neural networks (GNN): principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍图神经网络（Graph Neural Network，GNN）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the graph neural network (GNN) and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** A GNN learns representations of nodes, edges or whole graphs by **message passing**. In each layer every node aggregates messages from its neighbours with a permutation-invariant function (sum, mean, max or attention) and updates its state:

$$h_v^{(l+1)} = \phi\Big(h_v^{(l)},\ \bigoplus_{u \in \mathcal{N}(v)} \psi\big(h_u^{(l)}, h_v^{(l)}, e_{uv}\big)\Big).$$

After $L$ layers a node's state depends on its $L$-hop neighbourhood. The graph convolutional network (GCN) of Kipf and Welling is the standard example:

$$H^{(l+1)} = \sigma\big(\hat{D}^{-1/2} \hat{A} \hat{D}^{-1/2} H^{(l)} W^{(l)}\big), \qquad \hat{A} = A + I,$$

where $\hat{D}$ is the degree matrix of $\hat{A}$. Variants include GraphSAGE (sampled neighbours, inductive), GAT (learned attention over neighbours) and GIN (sum aggregation, as expressive as the 1-Weisfeiler–Lehman test). Node classification and link prediction use node states directly; graph classification adds a readout (pooling) over all nodes. Applications include molecules, social and citation networks, recommendation and traffic forecasting.

**Strengths.**
- Uses relational structure directly, on graphs of any size and shape.
- Weights are shared across nodes, and the output does not depend on node order.
- Inductive variants generalise to unseen nodes and graphs.

**Weaknesses.**
- **Over-smoothing:** with many layers repeated averaging makes node states converge and become indistinguishable, so most GNNs have only 2–3 layers. Residual connections, jumping knowledge, normalisation and DropEdge help.
- **Over-squashing:** information from exponentially many distant nodes is squeezed into fixed-size vectors, so long-range dependencies are captured poorly.
- **Scalability:** full-batch training needs every node's state in memory, and a node's receptive field grows exponentially with depth. Neighbour sampling (GraphSAGE), Cluster-GCN and GraphSAINT address this.
- Message passing cannot distinguish graphs that the 1-WL test cannot, and GCN-style averaging suffers on heterophilous graphs, where neighbours tend to have different labels.

**Common follow-up.** *Why normalise with $\hat{D}^{-1/2}\hat{A}\hat{D}^{-1/2}$?* Without normalisation, high-degree nodes get large sums and repeated layers blow up or shrink the features; the self-loop keeps a node's own features in its update.`,
      'zh-CN': md`**原理。** GNN通过**消息传递**学习节点、边或整张图的表示。每一层中，每个节点用一个与排列无关的函数（求和、均值、最大值或注意力）聚合邻居发来的消息，并更新自身状态：

$$h_v^{(l+1)} = \phi\Big(h_v^{(l)},\ \bigoplus_{u \in \mathcal{N}(v)} \psi\big(h_u^{(l)}, h_v^{(l)}, e_{uv}\big)\Big).$$

经过 $L$ 层后，一个节点的状态取决于它的 $L$ 跳邻域。Kipf和Welling提出的图卷积网络（GCN）是典型例子：

$$H^{(l+1)} = \sigma\big(\hat{D}^{-1/2} \hat{A} \hat{D}^{-1/2} H^{(l)} W^{(l)}\big), \qquad \hat{A} = A + I,$$

其中 $\hat{D}$ 是 $\hat{A}$ 的度矩阵。变体包括GraphSAGE（采样邻居，可归纳）、GAT（对邻居学习注意力权重）和GIN（求和聚合，表达能力与1-Weisfeiler–Lehman检验相当）。节点分类和链接预测直接使用节点状态；图分类还要在所有节点上做读出（池化）。应用包括分子、社交网络与引文网络、推荐系统和交通预测。

**优点。**
- 直接利用关系结构，适用于任意大小和形状的图。
- 权重在节点间共享，输出与节点的编号顺序无关。
- 可归纳的变体能推广到未见过的节点和图。

**缺点。**
- **过平滑（over-smoothing）：** 层数多时，反复平均使节点状态趋于一致、难以区分，因此大多数GNN只有2–3层。残差连接、jumping knowledge、归一化和DropEdge可以缓解。
- **过挤压（over-squashing）：** 来自指数级数量远处节点的信息被压缩进固定大小的向量，长距离依赖难以捕捉。
- **可扩展性：** 全批量训练需要把所有节点的状态放进内存，节点的感受野随层数指数增长。邻居采样（GraphSAGE）、Cluster-GCN和GraphSAINT用于解决这一问题。
- 消息传递无法区分1-WL检验无法区分的图；在异配图（邻居往往标签不同）上，GCN式的平均效果较差。

**常见追问。** *为什么用 $\hat{D}^{-1/2}\hat{A}\hat{D}^{-1/2}$ 归一化？* 不归一化时，度大的节点求和结果很大，多层叠加后特征会爆炸或缩小；自环则让节点在更新时保留自身的特征。`,
    },
    rubric: [
      {
        en: 'Describes message passing: permutation-invariant aggregation of neighbours and a state update, with L layers reaching L hops.',
        'zh-CN': '描述消息传递：以与排列无关的方式聚合邻居并更新状态，L层覆盖L跳邻域。',
      },
      {
        en: 'Gives a concrete layer, such as GCN with Â = A + I and symmetric normalisation.',
        'zh-CN': '给出具体的层，例如Â = A + I并做对称归一化的GCN。',
      },
      {
        en: 'Names node-, edge- and graph-level tasks (graph level needs a readout).',
        'zh-CN': '说出节点级、边级和图级任务（图级需要读出）。',
      },
      {
        en: 'Explains over-smoothing with depth (or over-squashing) as a limit on deep GNNs.',
        'zh-CN': '解释随深度增加出现的过平滑（或过挤压）限制了GNN的深度。',
      },
      {
        en: 'Names scalability problems on large graphs and a remedy such as neighbour sampling.',
        'zh-CN': '指出大图上的可扩展性问题及邻居采样等解决办法。',
      },
    ],
  },
  {
    slug: 'cnn-principles',
    topic: 'convolutional-networks',
    difficulty: 'medium',
    tags: ['cnn', 'convolution', 'pooling', 'computer-vision'],
    position: 11,
    title: {
      'zh-CN': '卷积神经网络（CNN）的原理与优缺点',
      en: 'Convolutional neural networks (CNN): principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍卷积神经网络（Convolutional Neural Network，CNN）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the convolutional neural network (CNN) and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** A convolutional layer slides small learnable kernels over the input. Each output value is a weighted sum over a local window across all input channels, plus a bias (deep-learning libraries compute a cross-correlation):

$$y_{i,j,c'} = b_{c'} + \sum_{u,v,c} W_{u,v,c,c'} \, x_{s i + u,\ s j + v,\ c}$$

with stride $s$. A typical network stacks convolution, a nonlinearity (ReLU) and pooling (max or average, which downsamples), then ends with global pooling or dense layers and a softmax. Stacking enlarges the receptive field, so features go from edges to textures, parts and objects. The spatial output size is $\lfloor (H + 2p - k)/s \rfloor + 1$ for kernel size $k$ and padding $p$, and a layer has $k^2 C_{\text{in}} C_{\text{out}} + C_{\text{out}}$ parameters.

Three properties explain its success:
- **local connectivity:** each unit sees a small neighbourhood;
- **weight sharing:** the same kernel is used at every position, so the parameter count does not depend on image size;
- **translation equivariance:** shifting the input shifts the feature map; pooling adds a limited, local invariance.

**Strengths.**
- Parameter-efficient, with a strong inductive bias for grid data: images, spectrograms, video, and 1-D sequences such as audio or text (temporal convolutional networks).
- Highly parallel on GPUs, and pre-trained backbones (ResNet, EfficientNet) transfer well.

**Weaknesses.**
- Data-hungry: training from scratch needs large labelled sets, or augmentation and transfer learning.
- Not invariant to rotation or scale by design.
- Global context grows only with depth; dilation or attention help.
- Pooling and striding discard precise positions and break exact shift equivariance (aliasing).
- Assumes a regular grid; irregular data such as graphs needs GNNs.
- Compute grows with resolution, and models are vulnerable to adversarial perturbations.

**Common follow-up.** *Why stack 3×3 kernels instead of one 7×7?* Three 3×3 layers cover the same 7×7 receptive field with $27C^2$ weights instead of $49C^2$, and add two more nonlinearities.`,
      'zh-CN': md`**原理。** 卷积层让小的可学习卷积核在输入上滑动。每个输出值是局部窗口内所有输入通道的加权和再加偏置（深度学习库实际计算的是互相关）：

$$y_{i,j,c'} = b_{c'} + \sum_{u,v,c} W_{u,v,c,c'} \, x_{s i + u,\ s j + v,\ c}$$

其中 $s$ 为步幅。典型网络依次堆叠卷积、非线性（ReLU）和池化（最大或平均池化，用于下采样），最后接全局池化或全连接层和softmax。层层堆叠使感受野逐渐变大，特征从边缘到纹理、部件再到物体。空间输出尺寸为 $\lfloor (H + 2p - k)/s \rfloor + 1$（$k$ 为卷积核大小，$p$ 为填充），一层的参数量为 $k^2 C_{\text{in}} C_{\text{out}} + C_{\text{out}}$。

它的成功来自三个性质：
- **局部连接：** 每个单元只看一个小邻域；
- **权值共享：** 同一个卷积核用于所有位置，参数量与图像大小无关；
- **平移等变性：** 输入平移，特征图随之平移；池化提供有限的局部平移不变性。

**优点。**
- 参数高效，对网格数据有很强的归纳偏置：图像、频谱图、视频，以及音频、文本等一维序列（时间卷积网络）。
- 在GPU上高度并行，预训练骨干网络（ResNet、EfficientNet）迁移效果好。

**缺点。**
- 需要大量数据：从头训练需要大规模标注数据，或借助数据增强和迁移学习。
- 结构上不具备旋转或尺度不变性。
- 全局上下文只能随深度增加而扩大；空洞卷积或注意力可以帮助。
- 池化和步幅会丢失精确的位置信息，并破坏严格的平移等变性（混叠）。
- 假设数据是规则网格；图等不规则数据需要GNN。
- 计算量随分辨率增长，模型也容易受到对抗扰动的攻击。

**常见追问。** *为什么堆叠3×3卷积而不用一个7×7？* 三层3×3覆盖同样的7×7感受野，只需 $27C^2$ 个权重而不是 $49C^2$，还多了两个非线性。`,
    },
    rubric: [
      {
        en: 'Describes convolution with small shared kernels over local windows and channels, plus ReLU, pooling and a dense head.',
        'zh-CN': '描述卷积：小的共享卷积核作用于局部窗口和各通道，再加ReLU、池化和全连接输出层。',
      },
      {
        en: 'Names local connectivity and weight sharing (few parameters) and translation equivariance.',
        'zh-CN': '说出局部连接、权值共享（参数少）和平移等变性。',
      },
      {
        en: 'Explains hierarchical features and a receptive field that grows with depth.',
        'zh-CN': '解释层次化特征以及感受野随深度增大。',
      },
      {
        en: 'Names weaknesses: data hunger, no rotation or scale invariance, limited global context, loss of precise position from pooling.',
        'zh-CN': '说出缺点：需要大量数据、无旋转和尺度不变性、全局上下文有限、池化丢失精确位置。',
      },
      {
        en: 'Notes CNNs suit grid data, including 1-D sequences, but not irregular graphs.',
        'zh-CN': '指出CNN适用于网格数据（包括一维序列），但不适用于不规则的图。',
      },
      {
        en: 'Can compute a layer’s output size or parameter count.',
        'zh-CN': '能计算一层的输出尺寸或参数量。',
      },
    ],
  },
  {
    slug: 'rnn-principles',
    topic: 'sequence-models',
    difficulty: 'easy',
    tags: ['rnn', 'sequence-models', 'bptt', 'vanishing-gradients'],
    position: 12,
    title: {
      'zh-CN': '循环神经网络（RNN）的原理与优缺点',
      en: 'Recurrent neural networks (RNN): principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍循环神经网络（Recurrent Neural Network，RNN）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the recurrent neural network (RNN) and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** An RNN reads a sequence one step at a time and carries a hidden state that summarises what it has seen so far:

$$h_t = \tanh(W_x x_t + W_h h_{t-1} + b), \qquad y_t = W_y h_t + c.$$

The same weights are used at every time step, so one model handles sequences of any length with a fixed number of parameters. Training unrolls the network over time and applies backpropagation through time (BPTT), usually truncated to a window of steps for long sequences. Common layouts are many-to-one (sequence classification), many-to-many (tagging), encoder–decoder (sequence-to-sequence) and bidirectional RNNs, which also read the sequence backwards.

**Strengths.**
- A natural fit for ordered data of variable length: text, speech, sensor and financial time series.
- Inference keeps only a fixed-size state, so it suits streaming, and the models are small.

**Weaknesses.**
- **Vanishing and exploding gradients.** The gradient from step $t$ back to step $k$ contains the product

$$\prod_{i=k+1}^{t} \frac{\partial h_i}{\partial h_{i-1}} = \prod_{i=k+1}^{t} \operatorname{diag}\big(1 - h_i^2\big) \, W_h.$$

When these Jacobians have norms below 1 the gradient shrinks exponentially, so dependencies more than a few dozen steps apart are not learned; above 1 it explodes, which gradient clipping controls.
- **Sequential computation.** Step $t$ needs step $t-1$, so training cannot be parallelised across time and is slow on long sequences compared with convolutional or Transformer models.
- A single fixed-size state limits how much history the network can keep.

**Remedies.** Gated cells (LSTM, GRU), gradient clipping, orthogonal or identity initialisation of $W_h$, and attention or Transformers for long contexts.

**Common follow-up.** *Why does an LSTM help?* Its cell state is updated additively through a forget gate, so the gradient along the cell path is multiplied by gate values near 1 instead of by $W_h$ and $\tanh'$ at every step.`,
      'zh-CN': md`**原理。** RNN逐步读取序列，并维护一个隐藏状态来概括到目前为止看到的内容：

$$h_t = \tanh(W_x x_t + W_h h_{t-1} + b), \qquad y_t = W_y h_t + c.$$

每个时间步使用同一组权重，因此一个模型就能用固定数量的参数处理任意长度的序列。训练时把网络沿时间展开，做随时间的反向传播（BPTT）；对长序列通常截断到一个步数窗口内。常见结构有多对一（序列分类）、多对多（序列标注）、编码器–解码器（序列到序列），以及同时反向读取序列的双向RNN。

**优点。**
- 天然适合变长的有序数据：文本、语音、传感器和金融时间序列。
- 推理时只需保存固定大小的状态，适合流式处理，模型也较小。

**缺点。**
- **梯度消失与梯度爆炸。** 从第 $t$ 步传回第 $k$ 步的梯度包含连乘

$$\prod_{i=k+1}^{t} \frac{\partial h_i}{\partial h_{i-1}} = \prod_{i=k+1}^{t} \operatorname{diag}\big(1 - h_i^2\big) \, W_h.$$

这些雅可比矩阵的范数小于1时，梯度呈指数衰减，相隔几十步以上的依赖就学不到；大于1时梯度爆炸，可用梯度裁剪控制。
- **顺序计算。** 第 $t$ 步依赖第 $t-1$ 步，训练无法沿时间并行，在长序列上比卷积模型或Transformer慢。
- 单个固定大小的状态限制了网络能保留的历史信息量。

**改进方法。** 门控单元（LSTM、GRU）、梯度裁剪、对 $W_h$ 做正交或单位矩阵初始化，以及用注意力或Transformer处理长上下文。

**常见追问。** *LSTM为什么有帮助？* 它的细胞状态通过遗忘门以加法方式更新，沿细胞路径传播的梯度每一步乘的是接近1的门值，而不是 $W_h$ 与 $\tanh'$。`,
    },
    rubric: [
      {
        en: 'Gives the recurrence h_t = tanh(W_x x_t + W_h h_{t−1} + b) with weights shared across time steps.',
        'zh-CN': '给出递推式h_t = tanh(W_x x_t + W_h h_{t−1} + b)，并说明权重在各时间步共享。',
      },
      {
        en: 'Mentions training with backpropagation through time, truncated for long sequences.',
        'zh-CN': '提到用随时间反向传播（BPTT）训练，长序列时截断。',
      },
      {
        en: 'Explains vanishing and exploding gradients from repeated Jacobian products, and clipping for explosion.',
        'zh-CN': '解释由雅可比矩阵连乘导致的梯度消失和爆炸，以及用梯度裁剪应对爆炸。',
      },
      {
        en: 'States that long-range dependencies are hard to learn with a fixed-size state.',
        'zh-CN': '指出固定大小的状态难以学到长距离依赖。',
      },
      {
        en: 'Notes that sequential computation prevents parallelism across time.',
        'zh-CN': '指出顺序计算使训练无法沿时间并行。',
      },
      {
        en: 'Names LSTM or GRU (or attention) as remedies.',
        'zh-CN': '说出LSTM、GRU（或注意力）等改进方法。',
      },
    ],
  },
  {
    slug: 'lstm-principles',
    topic: 'sequence-models',
    difficulty: 'medium',
    tags: ['lstm', 'gating', 'sequence-models', 'vanishing-gradients'],
    position: 13,
    title: {
      'zh-CN': '长短时记忆网络（LSTM）的原理与优缺点',
      en: 'Long short-term memory (LSTM): principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍长短时记忆网络（Long Short-Term Memory，LSTM）的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the long short-term memory network (LSTM) and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** An LSTM is a recurrent network whose cell adds a memory vector, the cell state $c_t$, controlled by three sigmoid gates and a tanh candidate:

$$
\begin{aligned}
i_t &= \sigma(W_i x_t + U_i h_{t-1} + b_i) && \text{input gate} \\
f_t &= \sigma(W_f x_t + U_f h_{t-1} + b_f) && \text{forget gate} \\
\tilde{c}_t &= \tanh(W_c x_t + U_c h_{t-1} + b_c) && \text{cell candidate} \\
o_t &= \sigma(W_o x_t + U_o h_{t-1} + b_o) && \text{output gate} \\
c_t &= f_t \odot c_{t-1} + i_t \odot \tilde{c}_t, \qquad h_t = o_t \odot \tanh(c_t)
\end{aligned}
$$

The forget gate decides how much of the old cell to keep, the input gate how much of the candidate to write, and the output gate how much of the cell to expose as the hidden state.

**Why it helps.** The cell is updated additively, so along the cell path $\partial c_t / \partial c_{t-1}$ is $\operatorname{diag}(f_t)$ plus terms through the gates. When the forget gate stays near 1, gradients flow across hundreds of steps instead of shrinking at every step as in a simple RNN. This mitigates vanishing gradients; it does not prevent exploding gradients, so gradient clipping is still used. Initialising the forget-gate bias to 1 helps the network remember from the start.

**Strengths.**
- Learns dependencies much longer than a simple RNN can, and trains reliably.
- Proven in speech recognition, handwriting recognition, language modelling, translation before Transformers, and time-series forecasting.
- Keeps a constant-size state, so it suits streaming.

**Weaknesses.**
- Four times the parameters and compute of a simple RNN with the same hidden size: $4(d_{\text{in}} h + h^2 + h)$ parameters.
- Still sequential, so training cannot be parallelised across time and is slow on long sequences.
- Memory is still a fixed-size vector, so very long contexts remain hard.
- For large-scale language tasks it has been largely replaced by Transformers.

**Common follow-up.** *How does a GRU differ?* A GRU has two gates (update and reset) and merges the cell state into the hidden state. It has about three quarters of the LSTM's parameters and often performs similarly.`,
      'zh-CN': md`**原理。** LSTM是一种循环网络，它的单元额外维护一个记忆向量，即细胞状态 $c_t$，由三个sigmoid门和一个tanh候选值控制：

$$
\begin{aligned}
i_t &= \sigma(W_i x_t + U_i h_{t-1} + b_i) && \text{输入门} \\
f_t &= \sigma(W_f x_t + U_f h_{t-1} + b_f) && \text{遗忘门} \\
\tilde{c}_t &= \tanh(W_c x_t + U_c h_{t-1} + b_c) && \text{候选细胞状态} \\
o_t &= \sigma(W_o x_t + U_o h_{t-1} + b_o) && \text{输出门} \\
c_t &= f_t \odot c_{t-1} + i_t \odot \tilde{c}_t, \qquad h_t = o_t \odot \tanh(c_t)
\end{aligned}
$$

遗忘门决定保留多少旧的细胞状态，输入门决定写入多少候选值，输出门决定把多少细胞状态作为隐藏状态输出。

**为什么有效。** 细胞状态以加法方式更新，沿细胞路径的 $\partial c_t / \partial c_{t-1}$ 为 $\operatorname{diag}(f_t)$ 再加上经由各门的项。遗忘门保持接近1时，梯度可以跨越数百步传播，而不像简单RNN那样每一步都衰减。这缓解了梯度消失，但并不能防止梯度爆炸，所以仍需梯度裁剪。把遗忘门偏置初始化为1，有助于网络从一开始就保留记忆。

**优点。**
- 能学到比简单RNN长得多的依赖，训练也更可靠。
- 在语音识别、手写识别、语言建模、Transformer出现之前的机器翻译以及时间序列预测中都经过了验证。
- 状态大小固定，适合流式处理。

**缺点。**
- 隐藏层大小相同时，参数量和计算量是简单RNN的四倍：共 $4(d_{\text{in}} h + h^2 + h)$ 个参数。
- 仍是顺序计算，训练无法沿时间并行，长序列上速度慢。
- 记忆仍是一个固定大小的向量，非常长的上下文依然困难。
- 在大规模语言任务上已基本被Transformer取代。

**常见追问。** *GRU有何不同？* GRU只有两个门（更新门和重置门），并把细胞状态合并进隐藏状态；参数量约为LSTM的四分之三，效果常常相近。`,
    },
    rubric: [
      {
        en: 'Names the cell state and the input, forget and output gates (sigmoid) and the tanh candidate, with their equations.',
        'zh-CN': '说出细胞状态、输入门、遗忘门、输出门（sigmoid）和tanh候选值，并给出公式。',
      },
      {
        en: 'Explains that the additive, forget-gated cell update lets gradients flow over long spans, easing vanishing gradients.',
        'zh-CN': '解释由遗忘门控制的加法式细胞更新让梯度能长距离传播，缓解梯度消失。',
      },
      {
        en: 'Notes that exploding gradients remain possible and gradient clipping is still used.',
        'zh-CN': '指出梯度爆炸仍可能发生，仍需梯度裁剪。',
      },
      {
        en: 'States the cost: about four times a simple RNN’s parameters, 4(d·h + h² + h).',
        'zh-CN': '给出代价：参数量约为简单RNN的四倍，即4(d·h + h² + h)。',
      },
      {
        en: 'Notes that computation is still sequential and Transformers have replaced LSTMs for large-scale NLP.',
        'zh-CN': '指出计算仍是顺序的，大规模NLP中已被Transformer取代。',
      },
    ],
  },
  {
    slug: 'transformer-principles',
    topic: 'attention',
    difficulty: 'hard',
    tags: ['transformer', 'self-attention', 'positional-encoding', 'layer-normalization'],
    position: 14,
    title: {
      'zh-CN': 'Transformer模型的原理与优缺点',
      en: 'The Transformer: principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍Transformer模型的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the Transformer model and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** The Transformer (Vaswani et al., 2017, "Attention Is All You Need") is an encoder–decoder model built only from attention and position-wise feed-forward layers, with no recurrence.
- Each **encoder layer** applies multi-head self-attention and then a feed-forward network (FFN), each wrapped in a residual connection and layer normalisation. In the original post-norm form:

$$x' = \operatorname{LN}\big(x + \operatorname{MHA}(x)\big), \qquad y = \operatorname{LN}\big(x' + \operatorname{FFN}(x')\big), \qquad \operatorname{FFN}(x) = \max(0,\ x W_1 + b_1) W_2 + b_2,$$

with an inner FFN width of about $4d$. Many modern models use pre-norm, $x + \operatorname{MHA}(\operatorname{LN}(x))$, which trains more stably.
- Each **decoder layer** has causally masked self-attention, cross-attention whose queries come from the decoder and keys and values from the encoder output, and an FFN.
- Attention ignores order, so **positional encodings** (sinusoidal, learned, or rotary in newer models) are added to the inputs.

Training uses teacher forcing, so all target positions are computed in parallel.

**Strengths.**
- Parallel over positions during training, and any two tokens interact in one step, which captures long-range dependencies.
- Scales very well with data and compute, and underlies BERT, GPT, T5 and the Vision Transformer.
- One architecture works for text, images, audio and more.

**Weaknesses.**
- Self-attention costs $O(n^2 \cdot d)$ time and $O(n^2)$ memory per layer in the sequence length $n$: quadratic, not low, so long contexts are expensive. Sparse and linear attention reduce it; FlashAttention reduces memory traffic but not the $O(n^2)$ arithmetic.
- Autoregressive decoding is still one token at a time (a key–value cache avoids recomputation).
- Weak inductive bias: it needs large data sets, many parameters and heavy training compute, and it is sensitive to learning-rate warm-up and normalisation placement.
- The context window is fixed at training time.

**Common follow-up.** *How does it compare with an RNN?* Per layer, self-attention needs $O(n^2 d)$ operations with $O(1)$ sequential steps and $O(1)$ path length between tokens; a recurrent layer needs $O(n d^2)$ operations with $O(n)$ sequential steps and $O(n)$ path length.`,
      'zh-CN': md`**原理。** Transformer（Vaswani等，2017，《Attention Is All You Need》）是只由注意力层和逐位置前馈层构成、没有循环结构的编码器–解码器模型。
- 每个**编码器层**先做多头自注意力，再做前馈网络（FFN），两者都带残差连接和层归一化。原始的后归一化（post-norm）形式为：

$$x' = \operatorname{LN}\big(x + \operatorname{MHA}(x)\big), \qquad y = \operatorname{LN}\big(x' + \operatorname{FFN}(x')\big), \qquad \operatorname{FFN}(x) = \max(0,\ x W_1 + b_1) W_2 + b_2,$$

FFN的中间层宽度约为 $4d$。许多现代模型采用前归一化（pre-norm）$x + \operatorname{MHA}(\operatorname{LN}(x))$，训练更稳定。
- 每个**解码器层**包含带因果掩码的自注意力、交叉注意力（查询来自解码器，键和值来自编码器输出）以及FFN。
- 注意力本身不考虑顺序，因此要在输入上加**位置编码**（正弦、可学习，或较新模型中的旋转位置编码）。

训练时采用teacher forcing，所有目标位置并行计算。

**优点。**
- 训练时各位置并行计算，任意两个词元一步即可交互，能捕捉长距离依赖。
- 随数据和算力扩展的效果非常好，是BERT、GPT、T5和Vision Transformer的基础。
- 同一种结构适用于文本、图像、音频等多种模态。

**缺点。**
- 自注意力每层的时间复杂度为 $O(n^2 \cdot d)$、内存为 $O(n^2)$（$n$ 为序列长度），是平方级而不是“相对较低”，长上下文代价很高。稀疏注意力和线性注意力可以降低代价；FlashAttention减少了内存访问，但没有减少 $O(n^2)$ 的运算量。
- 自回归解码仍然要逐个词元进行（键值缓存可避免重复计算）。
- 归纳偏置弱：需要大规模数据、大量参数和很高的训练算力，并且对学习率预热和归一化的位置敏感。
- 上下文窗口长度在训练时就已固定。

**常见追问。** *与RNN相比如何？* 每层自注意力需要 $O(n^2 d)$ 次运算、$O(1)$ 个顺序步骤，词元间路径长度为 $O(1)$；循环层需要 $O(n d^2)$ 次运算、$O(n)$ 个顺序步骤，路径长度为 $O(n)$。`,
    },
    rubric: [
      {
        en: 'Describes stacked blocks of multi-head self-attention and a feed-forward network, each with a residual connection and layer normalisation.',
        'zh-CN': '描述由多头自注意力和前馈网络堆叠成的块，每个子层都有残差连接和层归一化。',
      },
      {
        en: 'Describes the decoder’s causal self-attention and cross-attention to the encoder output.',
        'zh-CN': '描述解码器的因果自注意力以及对编码器输出的交叉注意力。',
      },
      {
        en: 'Explains that positional encodings are needed because attention ignores order.',
        'zh-CN': '说明由于注意力不考虑顺序，需要位置编码。',
      },
      {
        en: 'Names parallel training and O(1) paths between tokens as strengths.',
        'zh-CN': '说出训练可并行、词元间路径长度为O(1)等优点。',
      },
      {
        en: 'States that self-attention costs O(n²·d) time and O(n²) memory in sequence length, expensive for long inputs.',
        'zh-CN': '指出自注意力对序列长度的代价为O(n²·d)时间和O(n²)内存，长输入代价高。',
      },
      {
        en: 'Mentions data and compute hunger or sequential autoregressive decoding.',
        'zh-CN': '提到对数据和算力需求大，或自回归解码是逐步进行的。',
      },
    ],
  },
  {
    slug: 'bert-principles',
    topic: 'attention',
    difficulty: 'hard',
    tags: ['bert', 'pre-training', 'masked-language-model', 'transformer-encoder'],
    position: 15,
    title: {
      'zh-CN': 'BERT模型的原理与优缺点',
      en: 'BERT: principle, strengths and weaknesses',
    },
    prompt: {
      'zh-CN': '请简要介绍BERT模型的基本原理和优缺点。',
      en: 'Briefly describe the basic principle of the BERT model and its strengths and weaknesses.',
    },
    referenceAnswer: {
      en: md`**Principle.** BERT (Bidirectional Encoder Representations from Transformers; Devlin et al., 2018) is a stack of Transformer encoder layers without a decoder. BERT-Base has 12 layers, hidden size 768, 12 heads and about 110M parameters; BERT-Large has 24 layers, hidden size 1024, 16 heads and about 340M.

**Input.** WordPiece tokens, with [CLS] at the start and [SEP] after each segment. Each token's input vector is the sum of a token embedding, a learned position embedding and a segment (A/B) embedding, followed by layer normalisation.

**Pre-training** on unlabelled text (BooksCorpus and English Wikipedia) uses two objectives:
- **Masked language modelling (MLM):** pick 15% of the tokens; replace 80% of those with [MASK], 10% with a random token and leave 10% unchanged; predict the original tokens with a softmax over the vocabulary. Because attention is unmasked, every prediction uses both left and right context, which a left-to-right language model cannot do.
- **Next sentence prediction (NSP):** classify whether segment B really follows segment A. The original model used it; RoBERTa later dropped it.

**Fine-tuning** adds a small head and trains all weights on the task: a classifier on the [CLS] vector, a per-token classifier for tagging (NER), or start and end pointers for extractive question answering.

**Strengths.**
- Deeply bidirectional contextual representations.
- One pre-trained model transfers to many tasks with little labelled data; it set the state of the art on GLUE and SQuAD when released.

**Weaknesses.**
- Encoder-only, so it is not a generative model and cannot produce text left to right; use decoder models (GPT) or encoder–decoders (T5, BART) for generation.
- Input is limited to 512 tokens by its learned position embeddings, so longer documents must be split, and attention is quadratic in length.
- Large: costly pre-training and slow inference, reduced by DistilBERT, ALBERT or quantisation.
- [MASK] never appears at fine-tuning time, a mismatch that the 80/10/10 rule softens. MLM learns only from the 15% of positions that are masked; ELECTRA is more sample-efficient.

**Common follow-up.** *Why not replace every selected token with [MASK]?* The model would then learn useful representations only at [MASK] positions, which never occur in fine-tuning; random and unchanged tokens force it to represent every token well.`,
      'zh-CN': md`**原理。** BERT（Bidirectional Encoder Representations from Transformers，Devlin等，2018）是由Transformer编码器层堆叠而成的模型，没有解码器。BERT-Base有12层、隐藏层大小768、12个注意力头，约1.1亿参数；BERT-Large有24层、隐藏层大小1024、16个头，约3.4亿参数。

**输入。** WordPiece词元，开头加[CLS]，每个片段后加[SEP]。每个词元的输入向量是词元嵌入、可学习的位置嵌入和片段（A/B）嵌入之和，再经过层归一化。

**预训练**在无标注文本（BooksCorpus和英文维基百科）上进行，有两个目标：
- **掩码语言模型（MLM）：** 随机选出15%的词元，其中80%替换为[MASK]，10%替换为随机词元，10%保持不变；用词表上的softmax预测原词元。由于注意力不加掩码，每个预测都同时利用左右两侧的上下文，这是从左到右的语言模型做不到的。
- **下一句预测（NSP）：** 判断片段B是否真的紧跟在片段A之后。原始模型包含这一任务；后来RoBERTa发现它并非必要。

**微调**时加一个小的任务头并训练全部权重：在[CLS]向量上接分类器，对每个词元做标注分类（如命名实体识别），或在抽取式问答中预测答案的起止位置。

**优点。**
- 深度双向的上下文表示。
- 一个预训练模型可以迁移到多种任务，只需少量标注数据；发布时在GLUE和SQuAD上达到了最好水平。

**缺点。**
- 只有编码器，因此不是生成模型，不能从左到右生成文本；生成任务应使用解码器模型（GPT）或编码器–解码器模型（T5、BART）。
- 可学习的位置嵌入把输入长度限制在512个词元，更长的文档必须切分，注意力的代价也随长度平方增长。
- 模型大：预训练昂贵，推理较慢；DistilBERT、ALBERT和量化可以降低代价。
- [MASK]在微调时从不出现，这一不一致由80/10/10规则缓解；MLM只从被选中的15%位置学习，ELECTRA的样本效率更高。

**常见追问。** *为什么不把选中的词元全部替换为[MASK]？* 那样模型只会在[MASK]位置学到有用的表示，而微调时根本没有[MASK]；随机替换和保持不变迫使模型为每个词元都学好表示。`,
    },
    rubric: [
      {
        en: 'Describes BERT as an encoder-only, bidirectional Transformer whose input is token, position and segment embeddings with [CLS] and [SEP].',
        'zh-CN': '说明BERT是只有编码器的双向Transformer，输入为词元、位置、片段嵌入之和，并带[CLS]和[SEP]。',
      },
      {
        en: 'Explains masked-LM pre-training (15% of tokens, 80/10/10) and NSP in the original model.',
        'zh-CN': '解释掩码语言模型预训练（15%的词元，80/10/10）以及原始模型中的NSP。',
      },
      {
        en: 'Describes fine-tuning with a task head on [CLS] or on token outputs.',
        'zh-CN': '描述在[CLS]或各词元输出上加任务头进行微调。',
      },
      {
        en: 'States that BERT is not generative (encoder-only) and is limited to 512 tokens.',
        'zh-CN': '指出BERT不是生成模型（只有编码器），且输入限制为512个词元。',
      },
      {
        en: 'Names cost or mismatch issues and a variant that addresses them (DistilBERT, RoBERTa, ELECTRA).',
        'zh-CN': '说出代价或预训练与微调不一致的问题，以及解决它们的变体（DistilBERT、RoBERTa、ELECTRA）。',
      },
    ],
  },
];
